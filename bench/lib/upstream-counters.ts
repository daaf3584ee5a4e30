import { z } from "zod";

/** The simulator's admin API, as far as the benchmark uses it: upstream request counters. */

const CountersSchema = z.object({
  clusters: z.record(z.string(), z.object({ total: z.number(), byRoute: z.record(z.string(), z.number()) })),
});

export interface UpstreamCount {
  total: number;
  /** `METHOD /path/{template}` summed over clusters. */
  byRoute: Record<string, number>;
}

export async function resetCounters(adminUrl: string): Promise<void> {
  const res = await fetch(`${adminUrl}/counters/reset`, { method: "POST" });
  if (!res.ok) throw new Error(`POST /counters/reset answered ${res.status}`);
  await res.body?.cancel();
}

export async function readCounters(adminUrl: string): Promise<UpstreamCount> {
  const res = await fetch(`${adminUrl}/counters`);
  if (!res.ok) throw new Error(`GET /counters answered ${res.status}`);
  const { clusters } = CountersSchema.parse(await res.json());
  const byRoute: Record<string, number> = {};
  let total = 0;
  for (const c of Object.values(clusters)) {
    total += c.total;
    for (const [route, n] of Object.entries(c.byRoute)) byRoute[route] = (byRoute[route] ?? 0) + n;
  }
  return { total, byRoute };
}
