import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse, stringify } from "yaml";
import { ApiErrorBodySchema } from "@/lib/api/error-body";
import { startSimulator, type RunningSimulator } from "@/simulator/index";

export const ORIGIN = "http://127.0.0.1:3000";

/** Route handlers take (request, { params: Promise<…> }), as Next.js calls them. */
export type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** Starts a simulated fleet and points this test process's LINKSCOPE_CONFIG at it, before any route module loads. */
export async function startFleetForRoutes(scenario = "seed-dr-chain", { timeoutMs = 5000 } = {}): Promise<RunningSimulator> {
  const sim = await startSimulator({ scenario, basePort: 0, adminPort: 0, clock: "manual" });
  const config = parse(sim.configYaml()) as { clusters: Array<Record<string, unknown>> } & Record<string, unknown>;
  for (const c of config.clusters) c.timeoutMs = timeoutMs;
  const dir = mkdtempSync(path.join(tmpdir(), "linkscope-fuzz-"));
  config.history = { path: path.join(dir, "history.db") };
  // The fuzzer sends thousands of mutations as one user; the per-user limit has its own test.
  config.mutationsPerMinute = 100_000;
  const file = path.join(dir, "config.yaml");
  writeFileSync(file, stringify(config));
  process.env.LINKSCOPE_CONFIG = file;
  return sim;
}

export interface Call {
  method: string;
  params: Record<string, string>;
  query?: string;
  body?: string;
  headers?: Record<string, string>;
}

/** Calls a handler like Next.js would, with a deadline: a hang is a failure, not a slow test. */
export async function callRoute(handler: Handler, call: Call, deadlineMs = 5000): Promise<Response> {
  const url = `${ORIGIN}/api/fuzz${call.query ? `?${call.query}` : ""}`;
  const req = new Request(url, {
    method: call.method,
    headers: { host: "127.0.0.1:3000", origin: ORIGIN, "content-type": "application/json", ...call.headers },
    ...(call.body === undefined || call.method === "GET" || call.method === "DELETE" ? {} : { body: call.body }),
  });
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${deadlineMs} ms for ${JSON.stringify(call).slice(0, 300)}`)), deadlineMs);
  });
  try {
    return await Promise.race([handler(req, { params: Promise.resolve(call.params) }), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** The answer is a documented one: 2xx, or a 4xx with the error envelope. Never a 5xx. */
export async function expectDocumentedAnswer(res: Response, call: Call): Promise<void> {
  const text = await res.text();
  const where = `${call.method} ${JSON.stringify(call.params)} ?${call.query ?? ""} body=${(call.body ?? "").slice(0, 200)}`;
  if (res.status >= 500) throw new Error(`${res.status} for ${where}: ${text.slice(0, 300)}`);
  if (res.status >= 400) {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new Error(`${res.status} without a JSON body for ${where}`);
    }
    if (!ApiErrorBodySchema.safeParse(body).success)
      throw new Error(`${res.status} without the error envelope for ${where}: ${text.slice(0, 300)}`);
  }
}
