/**
 * The AutoCreateMirror task: on a tick of simulated time after something relevant changed
 * (a topic appeared on the source, the filters changed, the link came back), mirror every source
 * topic the filters include that has no local topic yet. Scans are event-driven, so an idle fleet
 * costs nothing however far the clock jumps.
 */
import { nameIncluded, parseTopicFilters } from "./filters";
import { addMirror, expectedMirrorName } from "./mirror-ops";
import type { LinkHalf, TopicState } from "./types";
import type { World } from "./world";

function enabled(half: LinkHalf): boolean {
  return !half.deleted && half.mode !== "SOURCE" && half.configs.bool("auto.create.mirror.topics.enable");
}

export function scheduleScan(world: World, half: LinkHalf, at: number): void {
  if (!enabled(half)) return;
  const tick = world.settings.autoCreateIntervalMs;
  const next = (Math.floor(at / tick) + 1) * tick;
  if (half.autoCreateScanAt !== null && half.autoCreateScanAt <= next) return;
  half.autoCreateScanAt = next;
  world.schedule(next, (when) => {
    if (half.autoCreateScanAt !== next) return;
    half.autoCreateScanAt = null;
    runScan(world, half, when);
  });
}

/** Mirrors every included source topic that has no local topic of the mirror's name. Returns the new mirrors. */
export function runScan(world: World, half: LinkHalf, at: number, opts: { asExisting?: boolean } = {}): TopicState[] {
  if (!enabled(half) || half.health.problem) return [];
  const filters = parseTopicFilters(half.configs.get("auto.create.mirror.topics.filters") ?? "");
  if (!filters.ok) return [];
  const remote = world.clusterById(half.remoteClusterId);
  if (!remote) return [];
  const created: TopicState[] = [];
  for (const source of [...remote.topics.values()]) {
    if (source.deleted || source.name.startsWith("_")) continue;
    // Never mirror back what this cluster itself sends over (bidirectional ping-pong).
    if (source.mirror && source.mirror.link.remoteClusterId === half.cluster.id) continue;
    if (!nameIncluded(filters.value, source.name)) continue;
    const name = expectedMirrorName(half, source.name);
    if (half.cluster.topics.has(name)) continue;
    created.push(
      addMirror(world, half, source, name, at, opts.asExisting ? { status: "ACTIVE", initialOffsets: source.log.endOffsets(at) } : {}),
    );
  }
  return created;
}

export function installAutoCreate(world: World): void {
  world.onTopicCreated.push((topic, at) => {
    for (const c of world.clusters) {
      for (const half of c.links.values()) if (half.remoteClusterId === topic.cluster.id) scheduleScan(world, half, at);
    }
  });
  world.onTopicDeleted.push((topic, at) => {
    if (topic.mirror) scheduleScan(world, topic.mirror.link, at);
  });
  world.onLinkRecoveredHooks.push((half, at) => scheduleScan(world, half, at));
  world.onLinkChanged.push((half, at) => scheduleScan(world, half, at));
}
