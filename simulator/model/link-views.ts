/** Derived views of a link half: tasks and the partition state category counts. */
import { parseAclFilters, parseGroupFilters, parseTopicFilters, type FilterParse } from "./filters";
import { STATE_CATEGORIES, stateCategory, type StateCategory } from "./mirror-state";
import type { LinkHalf } from "./types";
import type { World } from "./world";

export interface LinkTaskView {
  task_name: string;
  state: string;
  errors: Array<{ error_code: string; error_message: string }>;
}

export function linkTasks(world: World, half: LinkHalf, now: number): LinkTaskView[] {
  // Tasks run where the mirrors live; the source half of a source-initiated link runs none.
  if (half.mode === "SOURCE") return [];
  const v = world.view(half, now);
  const linkState =
    v.linkState === "FAILED"
      ? "LINK_FAILED"
      : v.linkState === "UNAVAILABLE"
        ? "LINK_UNAVAILABLE"
        : v.linkState === "PAUSED"
          ? "LINK_PAUSED"
          : null;
  const linkErrors =
    v.linkError === "AUTHENTICATION_ERROR"
      ? [{ error_code: "AUTHENTICATION_ERROR", error_message: v.linkErrorMessage ?? "Authentication failed." }]
      : [];
  const task = (name: string, enabled: boolean, parsed: FilterParse<unknown> | null): LinkTaskView => {
    if (!enabled) return { task_name: name, state: "NOT_CONFIGURED", errors: [] };
    if (parsed && !parsed.ok)
      return { task_name: name, state: "IN_ERROR", errors: [{ error_code: "MISCONFIGURATION_ERROR", error_message: parsed.error }] };
    if (linkState) return { task_name: name, state: linkState, errors: linkErrors };
    return { task_name: name, state: "ACTIVE", errors: [] };
  };
  const c = half.configs;
  return [
    task("ConsumerOffsetSync", c.bool("consumer.offset.sync.enable"), parseGroupFilters(c.get("consumer.offset.group.filters") ?? "")),
    task(
      "AutoCreateMirror",
      c.bool("auto.create.mirror.topics.enable"),
      parseTopicFilters(c.get("auto.create.mirror.topics.filters") ?? ""),
    ),
    task("AclSync", c.bool("acl.sync.enable"), parseAclFilters(c.get("acl.filters") ?? "")),
    task("TopicConfigsSync", true, null),
  ];
}

/** Partition counts per state category, in the reference's §7 mapping. Null on a SOURCE half (it hosts no mirrors). */
export function categoryCounts(world: World, half: LinkHalf, now: number): Array<{ state_category: StateCategory; count: number }> | null {
  if (half.mode === "SOURCE") return null;
  const counts = new Map<StateCategory, number>(STATE_CATEGORIES.map((c) => [c, 0]));
  for (const topic of half.mirrors.values()) {
    const cat = stateCategory(world.mirrorDisplayStatus(topic, now));
    counts.set(cat, (counts.get(cat) ?? 0) + topic.partitions);
  }
  return STATE_CATEGORIES.map((c) => ({ state_category: c, count: counts.get(c) ?? 0 }));
}
