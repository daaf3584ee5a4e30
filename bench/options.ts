/** `npm run bench -- [--quick] [--runs N] [--only 1,4,5] [--no-browser]`: the runner's settings, per mode. */
import { z } from "zod";
import { required } from "@/lib/domain/required";

export const ITEMS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

export interface BenchSettings {
  quick: boolean;
  items: ReadonlySet<number>;
  browser: boolean;
  /** The browsers' poll interval (the config's pollIntervalSeconds), which is also the viewers' in item 4. */
  pollIntervalSeconds: number;
  coldRuns: number;
  loadRuns: number;
  viewers: number;
  loadDurationMs: number;
  bigLinkCachedRuns: number;
  bigLinkFreshRuns: number;
  browserRuns: number;
  historySamples: number;
  historyQueryHours: number;
  historyQueryRuns: number;
}

const FULL: Omit<BenchSettings, "quick" | "items" | "browser"> = {
  pollIntervalSeconds: 5,
  coldRuns: 5,
  loadRuns: 3,
  viewers: 50,
  loadDurationMs: 60_000,
  bigLinkCachedRuns: 20,
  bigLinkFreshRuns: 5,
  browserRuns: 5,
  historySamples: 240,
  historyQueryHours: 24,
  historyQueryRuns: 7,
};

const QUICK: typeof FULL = {
  ...FULL,
  coldRuns: 2,
  loadRuns: 1,
  loadDurationMs: 15_000,
  bigLinkCachedRuns: 10,
  bigLinkFreshRuns: 2,
  browserRuns: 2,
  historySamples: 40,
  historyQueryHours: 2,
  historyQueryRuns: 3,
};

const ArgsSchema = z
  .object({
    quick: z.boolean().default(false),
    browser: z.boolean().default(true),
    runs: z.coerce.number().int().min(1).max(50).optional(),
    only: z
      .string()
      .regex(/^([1-9]|10)(,([1-9]|10))*$/, "a comma list of item numbers 1–10")
      .transform((s) => new Set(s.split(",").map(Number)))
      .optional(),
  })
  .strict();

export function parseBenchArgs(argv: readonly string[]): BenchSettings {
  const raw: Record<string, unknown> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = required(argv[i], `argument ${i}`);
    if (a === "--quick") raw.quick = true;
    else if (a === "--no-browser") raw.browser = false;
    else if (a === "--runs" || a === "--only") raw[a.slice(2)] = argv[++i];
    else throw new Error(`unknown argument ${a}; usage: npm run bench -- [--quick] [--runs N] [--only 1,4,5] [--no-browser]`);
  }
  const args = ArgsSchema.parse(raw);
  const base = args.quick ? QUICK : FULL;
  const runs = args.runs;
  return {
    ...base,
    ...(runs ? { coldRuns: runs, loadRuns: runs, bigLinkFreshRuns: runs, browserRuns: runs } : {}),
    quick: args.quick,
    browser: args.browser,
    items: args.only ?? new Set(ITEMS),
  };
}
