import "server-only";
import type { DeleteLinkResponse } from "@/lib/api/link-admin";
import { hostsMirrors } from "@/lib/domain/links/link-modes";
import type { TopologyLink } from "@/lib/domain/types";
import { ApiError } from "../http/api-error";
import { failureText, requireCluster, upstream, type LinkAdminDeps } from "./upstream";

export interface DeleteLinkOptions {
  validateOnly: boolean;
  force: boolean;
  bothHalves: boolean;
}

interface HalfRef {
  cluster: string;
  linkMode: string;
  connectionMode: string;
}

const INACTIVE = new Set(["STOPPED", "FAILED"]);

function halfLabel(h: HalfRef): string {
  return `${h.linkMode.toLowerCase()} half (${h.connectionMode}) on ${h.cluster}`;
}

/** Source half first: deleting the destination half first leaves a nameless UNMANAGED_SOURCE record on the source. */
function deletionOrder(halves: HalfRef[]): HalfRef[] {
  return [...halves].sort((a, b) => Number(b.linkMode === "SOURCE") - Number(a.linkMode === "SOURCE"));
}

function warningsFor(
  link: TopologyLink | undefined,
  here: HalfRef,
  partner: HalfRef | null,
  bothHalves: boolean,
  activeMirrors: number,
): string[] {
  const warnings: string[] = [];
  if (activeMirrors > 0) {
    warnings.push(
      `${activeMirrors} mirror topic${activeMirrors === 1 ? "" : "s"} will stop mirroring. The topics are not deleted: they stay as plain topics, frozen where they stopped, and the cluster asks for force=true to do this.`,
    );
  }
  if (link?.kind === "source-initiated" && partner) {
    warnings.push(
      bothHalves
        ? `Both halves are deleted, the source half on ${here.linkMode === "SOURCE" ? here.cluster : partner.cluster} first, so no half is left behind.`
        : `This is one half of a source-initiated link: deleting either half stops the flow. The other half on ${partner.cluster} stays and reports errors until it is deleted too; delete both halves to remove the link.`,
    );
  }
  if (link?.kind === "bidirectional" && partner && !bothHalves) {
    warnings.push(
      `This is one half of a bidirectional link: mirroring into ${here.cluster} stops; the half on ${partner.cluster} stays until it is deleted too.`,
    );
  }
  return warnings;
}

/** DELETE …/links/{link}: dry run or delete, with the mirrors that stop and, for two-half links, the other half. */
export async function deleteLink(
  clusterName: string,
  linkName: string,
  options: DeleteLinkOptions,
  deps: LinkAdminDeps,
): Promise<DeleteLinkResponse> {
  const { client } = requireCluster(deps, clusterName);
  await upstream(clusterName, () => client.links.get(linkName));
  const { topology } = await deps.snapshot();
  const link = topology.links.find((l) => l.name === linkName && l.halves.some((h) => h.cluster === clusterName));
  const here: HalfRef = link?.halves.find((h) => h.cluster === clusterName) ?? {
    cluster: clusterName,
    linkMode: "DESTINATION",
    connectionMode: "OUTBOUND",
  };
  const partnerHalf = link?.halves.find((h) => h.cluster !== clusterName && deps.cluster(h.cluster)) ?? null;
  const partner = partnerHalf
    ? { cluster: partnerHalf.cluster, linkMode: partnerHalf.linkMode, connectionMode: partnerHalf.connectionMode }
    : null;
  if (options.bothHalves && !partner)
    throw new ApiError("invalid-request", `Invalid query: bothHalves: "${linkName}" has no other half on a configured cluster.`);

  const targets = options.bothHalves && partner ? deletionOrder([here, partner]) : [here];
  const mirrors: DeleteLinkResponse["mirrors"] = [];
  for (const t of targets) {
    if (!hostsMirrors({ linkMode: t.linkMode, sourceClusterId: null, destinationClusterId: null, remoteClusterId: null })) continue;
    const c = requireCluster(deps, t.cluster).client;
    const listed = await upstream(t.cluster, () => c.mirrors.listUnderLink(linkName)).catch(() => []);
    mirrors.push(...listed.map((m) => ({ cluster: t.cluster, name: m.mirrorTopicName, status: m.mirrorStatus })));
  }
  const activeMirrors = mirrors.filter((m) => !INACTIVE.has(m.status)).length;

  const steps: DeleteLinkResponse["steps"] = [];
  for (const t of targets) {
    if (steps.some((s) => !s.ok)) {
      steps.push({
        cluster: t.cluster,
        half: halfLabel(t),
        status: "skipped",
        ok: false,
        error: "Not attempted: the step before it failed.",
      });
      continue;
    }
    try {
      await requireCluster(deps, t.cluster).client.links.delete(linkName, { force: options.force, validateOnly: options.validateOnly });
      steps.push({ cluster: t.cluster, half: halfLabel(t), status: "ok", ok: true });
    } catch (err) {
      steps.push({ cluster: t.cluster, half: halfLabel(t), status: "failed", ok: false, error: failureText(err, []) });
    }
  }
  if (!options.validateOnly && steps.some((s) => s.ok)) deps.invalidate();
  return {
    validateOnly: options.validateOnly,
    link: linkName,
    kind: link?.kind ?? null,
    ok: steps.every((s) => s.ok),
    mirrors,
    partner,
    warnings: warningsFor(link, here, partner, options.bothHalves, activeMirrors),
    steps,
  };
}
