/**
 * Item 8: the p95 of the pages' API answers under N viewers while one cluster of the scale fleet answers every REST
 * call in 4 s (inside its 5 s timeout). Stale-while-revalidate should keep that cluster's slowness out of every
 * answer: the viewers poll the topology tab and the big link's tab, as in item 4, on a cluster that is not the slow one.
 */
import { runPhase, type LoadOptions, type PhaseResult } from "./load-test";
import { pollLinkTab, pollTopologyTab } from "./viewers";

export const SLOW_CLUSTER_LATENCY_MS = 4_000;

export interface SlowClusterLoad {
  slowCluster: string;
  latencyMs: number;
  many: PhaseResult;
}

async function setFaults(adminUrl: string, cluster: string, body: unknown): Promise<void> {
  const res = await fetch(`${adminUrl}/clusters/${encodeURIComponent(cluster)}/faults`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`simulator admin PUT faults for ${cluster} answered ${res.status}: ${await res.text()}`);
}

async function waitUntilSlow(baseUrl: string, cluster: string, latencyMs: number): Promise<void> {
  const until = Date.now() + 120_000;
  while (Date.now() < until) {
    const res = await fetch(`${baseUrl}/api/clusters`);
    const body = (await res.json()) as { clusters?: { name: string; latencyMs?: number | null }[] };
    const latency = body.clusters?.find((c) => c.name === cluster)?.latencyMs ?? 0;
    if (latency >= latencyMs * 0.75) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the dashboard did not report ${cluster} as slow within 120 s (does this build report latencyMs?)`);
}

/**
 * `restoreLatencyMs` is the scale fleet's own per-answer latency, put back afterwards. The slow cluster must not be the
 * watched link's cluster (its page would then be about the slow cluster itself).
 */
export async function runSlowClusterLoad(
  o: Omit<LoadOptions, "viewers">,
  viewers: number,
  slowCluster: string,
  restoreLatencyMs: number,
  latencyMs = SLOW_CLUSTER_LATENCY_MS,
): Promise<SlowClusterLoad> {
  await setFaults(o.adminUrl, slowCluster, { latencyMs });
  try {
    // The dashboard learns of the slowness with its next reading of that cluster (asked, not slept for); then the viewers start.
    await Promise.all([
      pollTopologyTab(o.baseUrl, o.topLag),
      pollLinkTab(o.baseUrl, o.watched, { history: o.history, pollIntervalMs: o.intervalMs }),
    ]);
    await waitUntilSlow(o.baseUrl, slowCluster, latencyMs);
    const many = await runPhase({ ...o, viewers });
    return { slowCluster, latencyMs, many };
  } finally {
    await setFaults(o.adminUrl, slowCluster, { latencyMs: restoreLatencyMs });
  }
}
