/**
 * Item 2's baseline: the same fleet snapshot read the way a script over the CLI or curl would, one request after
 * another (cluster, link list, then per link its details and configs, then the cluster's mirror list), each answer
 * parsed before the next request goes out. Every request is timed on its own, which also gives item 1 the cost of
 * each single round trip for its physical bound.
 */
import { z } from "zod";
import type { SimulatorCluster } from "../lib/simulator-handle";

export interface ScriptRequest {
  cluster: string;
  /** 1: what the first round trip asks (cluster, link list); 2: what depends on the link list. */
  round: 1 | 2;
  path: string;
  /** Until the whole body has arrived (parsing excluded). */
  ms: number;
  bytes: number;
}

export interface ScriptRun {
  totalMs: number;
  requests: ScriptRequest[];
}

const LinkListSchema = z.object({ data: z.array(z.object({ link_name: z.string(), topic_names: z.array(z.string()).optional() })) });

async function get(cluster: SimulatorCluster, path: string, round: 1 | 2, out: ScriptRequest[]): Promise<unknown> {
  const authorization = `Basic ${Buffer.from(`${cluster.username}:${cluster.password}`).toString("base64")}`;
  const started = performance.now();
  const res = await fetch(`${cluster.restUrl}${path}`, { headers: { authorization, accept: "application/json" } });
  const text = await res.text();
  out.push({ cluster: cluster.name, round, path, ms: performance.now() - started, bytes: Buffer.byteLength(text) });
  if (!res.ok) throw new Error(`${cluster.name} answered ${res.status} to GET ${path}`);
  return JSON.parse(text) as unknown;
}

export async function fetchLikeAScript(clusters: readonly SimulatorCluster[]): Promise<ScriptRun> {
  const requests: ScriptRequest[] = [];
  const started = performance.now();
  for (const c of clusters) {
    const base = `/kafka/v3/clusters/${encodeURIComponent(c.id)}`;
    await get(c, base, 1, requests);
    const links = LinkListSchema.parse(await get(c, `${base}/links`, 1, requests)).data;
    for (const l of links) {
      const link = `${base}/links/${encodeURIComponent(l.link_name)}`;
      await get(c, `${link}?include_tasks=true`, 2, requests);
      await get(c, `${link}/configs`, 2, requests);
    }
    if (links.some((l) => (l.topic_names ?? []).length > 0)) await get(c, `${base}/links/-/mirrors`, 2, requests);
  }
  return { totalMs: performance.now() - started, requests };
}

export interface PhysicalBound {
  boundMs: number;
  /** Our server's own floor: one trivial request to it (GET /api/health). */
  floorMs: number;
  /** The cluster whose two dependent round trips take longest. */
  criticalCluster: string;
  round1Ms: number;
  round2Ms: number;
}

/**
 * The fastest any server could answer: the request to it, plus for the slowest cluster the longest answer of the
 * first round trip followed by the longest answer of the second, each as measured alone (so it includes the
 * injected latency, the upstream's own work and the transfer of the body). With 20 ms injected this is
 * 2 × 20 ms + what the upstream and loopback cost; clusters are independent, so only the slowest one counts.
 */
export function physicalBound(requests: readonly ScriptRequest[], floorMs: number): PhysicalBound {
  const byCluster = new Map<string, { r1: number; r2: number }>();
  for (const r of requests) {
    const entry = byCluster.get(r.cluster) ?? { r1: 0, r2: 0 };
    if (r.round === 1) entry.r1 = Math.max(entry.r1, r.ms);
    else entry.r2 = Math.max(entry.r2, r.ms);
    byCluster.set(r.cluster, entry);
  }
  let best = { cluster: "", r1: 0, r2: 0 };
  for (const [cluster, { r1, r2 }] of byCluster) if (r1 + r2 > best.r1 + best.r2) best = { cluster, r1, r2 };
  return { boundMs: floorMs + best.r1 + best.r2, floorMs, criticalCluster: best.cluster, round1Ms: best.r1, round2Ms: best.r2 };
}
