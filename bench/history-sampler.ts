/*
 * The lag-history sampler and store at fleet scale, on its own (item 6 of `npm run bench`, which runs this file):
 *   npx tsx bench/history-sampler.ts [--samples 240] [--query-hours 24] [--query-runs 7] [--json]
 * The fleet's shape is the scale scenario's (simulator/scenario/scale.ts): 9,600 mirrors × 6 partitions on 128
 * mirror-hosting link halves. What is measured, and how, is described in bench/measure/history.ts.
 * --json prints one line `BENCH_HISTORY_RESULT <json>` for the runner instead of the report.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { z } from "zod";
import { required } from "@/lib/domain/required";

// lib/server modules import "server-only", which resolves to an empty module only under this condition.
if (!process.execArgv.includes("--conditions=react-server")) {
  const child = spawnSync(process.execPath, ["--conditions=react-server", ...process.execArgv, ...process.argv.slice(1)], {
    stdio: "inherit",
  });
  process.exit(child.status ?? 1);
}

const RESULT_MARKER = "BENCH_HISTORY_RESULT ";

const ArgsSchema = z.object({
  samples: z.coerce.number().int().min(4).default(240),
  "query-hours": z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 7)
    .default(24),
  "query-runs": z.coerce.number().int().min(1).default(7),
  json: z.boolean().default(false),
});

function parseArgs(argv: readonly string[]): z.infer<typeof ArgsSchema> {
  const raw: Record<string, string | boolean> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = required(argv[i], `argument ${i}`);
    if (!a.startsWith("--")) throw new Error(`unexpected argument ${a}`);
    const name = a.slice(2);
    if (name === "json") raw.json = true;
    else raw[name] = argv[++i] ?? "";
  }
  return ArgsSchema.strict().parse(raw);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const { FULL_SCALE, generateScaleScenario } = await import("../simulator/scenario/scale");
  const { measureHistory } = await import("./measure/history");
  const { facts } = generateScaleScenario(FULL_SCALE);
  const result = await measureHistory({
    facts,
    partitions: FULL_SCALE.partitions,
    liveSamples: args.samples,
    queryHours: args["query-hours"],
    queryRuns: args["query-runs"],
    dir: mkdtempSync(path.join(tmpdir(), "linkscope-bench-history-")),
    log: args.json ? undefined : (line) => console.log(line),
  });
  if (args.json) {
    process.stdout.write(`${RESULT_MARKER}${JSON.stringify(result)}\n`);
    return;
  }
  const f = (n: number, d = 1) => n.toFixed(d);
  console.log(
    `history sampler: ${result.links} link halves, ${result.mirrors} mirrors, ${result.partitions} partitions, ${result.samples} samples at 15 s`,
  );
  console.log(
    `  CPU per sample: mean ${f(result.cpuPerSampleMs.mean)} ms, p95 ${f(result.cpuPerSampleMs.p95)} ms, max ${f(result.cpuPerSampleMs.max)} ms`,
  );
  console.log(`  share of one core: ${f(result.coreShare * 100, 2)} % (target ≤ 10 %)`);
  console.log(`  database growth: ${f(result.dbGrowthMbPerHour)} MB per simulated hour (file ${f(result.dbSizeMb)} MB)`);
  for (const q of result.queries) {
    console.log(
      `  ${result.queryHours} h query, ${q.link} (${q.mirrors} mirrors, step ${q.stepSeconds} s): median ${f(q.ms.median)} ms, min ${f(q.ms.min)}, max ${f(q.ms.max)} (${q.points} points)`,
    );
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
