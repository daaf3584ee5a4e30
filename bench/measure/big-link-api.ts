/**
 * Item 5, server side: GET …/mirrors of the big link on a warm server, served from the per-link cache (what most
 * of many viewers get) and read fresh from the cluster after the cache period (what each poll interval costs once).
 */
import { z } from "zod";
import { describeFailure, ok, timedFetch } from "../lib/http";
import { spread, type Spread } from "../lib/stats";

export interface BigLinkApiResult {
  mirrors: number;
  bytes: number;
  cachedMs: Spread;
  freshMs: Spread;
}

const MirrorsSchema = z.object({ mirrors: z.array(z.object({ name: z.string() })) });

export async function measureBigLinkApi({
  baseUrl,
  cluster,
  link,
  cachedRuns,
  freshRuns,
  snapshotTtlMs,
}: {
  baseUrl: string;
  cluster: string;
  link: string;
  cachedRuns: number;
  freshRuns: number;
  snapshotTtlMs: number;
}): Promise<BigLinkApiResult> {
  const url = `${baseUrl}/api/clusters/${encodeURIComponent(cluster)}/links/${encodeURIComponent(link)}/mirrors`;
  const get = async () => {
    const t = await timedFetch(url);
    if (!ok(t)) throw new Error(`GET ${url}: ${describeFailure(t)}`);
    return t;
  };
  const first = await get();
  const mirrors = MirrorsSchema.parse(JSON.parse(first.body)).mirrors.length;
  const fresh: number[] = [];
  const cached: number[] = [];
  for (let i = 0; i < freshRuns; i++) {
    await new Promise((r) => setTimeout(r, snapshotTtlMs + 100));
    fresh.push((await get()).ms);
    for (let j = 0; j < Math.ceil(cachedRuns / freshRuns); j++) cached.push((await get()).ms);
  }
  return { mirrors, bytes: first.bytes, cachedMs: spread(cached), freshMs: spread(fresh) };
}
