import type { ClusterSummary } from "@/lib/api/clusters";
import type { LinkStep } from "@/lib/api/link-admin";
import { recommendLinkKind, type KindRecommendation } from "@/lib/domain/links/link-recommendation";
import type { ClusterNetwork, LinkKind } from "@/lib/domain/types";
import type { LinkWizardForm } from "./form-model";

/*
 * What the wizard advises from the clusters' network zones, and how it explains a failed dry run: the wizard acts on
 * its own advice (preselects the kind) and says so when the person's choice goes against it.
 */

type KindInputs = Pick<LinkWizardForm, "sourceMode" | "source" | "destination" | "bothWays">;

function networkOf(clusters: readonly ClusterSummary[], name: string): ClusterNetwork | null {
  return clusters.find((c) => c.name === name)?.network ?? null;
}

export function recommendationFor(f: KindInputs, clusters: readonly ClusterSummary[]): KindRecommendation {
  return recommendLinkKind({
    source: f.sourceMode === "external" ? null : networkOf(clusters, f.source),
    destination: networkOf(clusters, f.destination),
    activeActive: f.bothWays,
  });
}

export const KIND_TITLE: Record<LinkKind, string> = {
  "destination-initiated": "destination-initiated",
  "source-initiated": "source-initiated",
  bidirectional: "bidirectional",
};

/** One sentence for the review step when the chosen kind is not the recommended one, or null when they agree. */
export function kindContradiction(f: KindInputs & Pick<LinkWizardForm, "kind">, clusters: readonly ClusterSummary[]): string | null {
  const rec = recommendationFor(f, clusters);
  if (rec.kind === f.kind) return null;
  if (f.bothWays && f.kind !== "bidirectional") {
    return `You said data must flow both ways, but a ${KIND_TITLE[f.kind]} link moves data one way only (${f.source || "source"} → ${f.destination}). ${rec.reason}`;
  }
  return `Linkscope recommends ${KIND_TITLE[rec.kind]}, not ${KIND_TITLE[f.kind]}: ${rec.reason}`;
}

const CONNECT_TIMEOUT = /timed out waiting for a connection|connection timed out|TIMEOUT_ERROR|unable to connect|connection refused/i;

/**
 * A dry run that failed because one cluster could not open a connection to another, explained with the fix. A private
 * cluster accepts no connection from outside its network: a destination that must dial it times out, and the way out
 * is a source-initiated link (the private source dials out).
 */
export function explainConnectionFailure(
  step: LinkStep,
  f: Pick<LinkWizardForm, "kind" | "sourceMode" | "source" | "destination">,
  clusters: readonly ClusterSummary[],
): string | null {
  if (step.status !== "failed" || !step.error || !CONNECT_TIMEOUT.test(step.error)) return null;
  const source = f.sourceMode === "external" ? "the external source" : f.source;
  const sourceNetwork = f.sourceMode === "external" ? null : networkOf(clusters, f.source);
  const destinationNetwork = networkOf(clusters, f.destination);
  if (f.kind !== "source-initiated" && sourceNetwork === "private") {
    return (
      `${f.destination} could not open a connection to ${source}: ${source} is in a private network, which accepts no connections from outside. ` +
      `Use a source-initiated link instead: ${source} dials out to ${f.destination} and no inbound firewall hole is needed (step 2, "Who connects").`
    );
  }
  if (f.kind === "source-initiated" && destinationNetwork === "private") {
    return (
      `${source} could not open a connection to ${f.destination}: ${f.destination} is in a private network. Make it reachable from ${source} ` +
      `(peering, VPN or a firewall rule), or chain two links through a public cluster.`
    );
  }
  return `A cluster could not open a connection to the other: check that the bootstrap servers are reachable from the cluster that dials (firewall, DNS, peering), or let the other cluster open the connection (step 2, "Who connects").`;
}

/** Topic names both clusters have (internal topics aside): mirrors of them collide without a prefix. */
export function sharedTopicNames(
  a: ReadonlyArray<{ name: string; internal: boolean }>,
  b: ReadonlyArray<{ name: string; internal: boolean }>,
): string[] {
  const other = new Set(b.filter((t) => !t.internal).map((t) => t.name));
  return a
    .filter((t) => !t.internal && other.has(t.name))
    .map((t) => t.name)
    .sort();
}
