import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { findExecutable } from "../../scripts/lib/find-executable";

/** A real Prometheus (Debian's `prometheus`) for tests of the shipped alert rules against the running dashboard. */
export const PROMETHEUS_BINARY = findExecutable("prometheus");

export interface PrometheusAlert {
  labels: Record<string, string>;
  state: "pending" | "firing" | "inactive";
  activeAt: string;
}

export interface TestPrometheus {
  url: string;
  /** Alerts Prometheus holds right now (pending or firing). */
  alerts(): Promise<PrometheusAlert[]>;
  /** The health and last scrape of the Linkscope target. */
  target(): Promise<{ health: string; lastScrape: string; lastError: string } | null>;
  /** When the rule group was last evaluated (epoch ms), 0 before the first evaluation. */
  lastEvaluationMs(): Promise<number>;
  /** An instant PromQL query: the result vector's label sets with their values. */
  query(promql: string, atSeconds?: number): Promise<Array<{ metric: Record<string, string>; value: number }>>;
  rangeQuery(promql: string, fromSeconds: number, toSeconds: number): Promise<Array<{ metric: Record<string, string>; values: number }>>;
  stop(): Promise<void>;
}

async function api<T>(url: string): Promise<T> {
  const res = await fetch(url);
  const body = (await res.json()) as { status: string; data: T; error?: string };
  if (body.status !== "success") throw new Error(`Prometheus ${url}: ${body.error ?? res.status}`);
  return body.data;
}

/**
 * Starts Prometheus scraping `metricsUrl` every `scrapeIntervalS` and evaluating `ruleFiles` every `evalIntervalS`, on a
 * fresh storage directory that is deleted on stop.
 */
export async function startPrometheus({
  port,
  metricsTarget,
  ruleFiles,
  scrapeIntervalS = 1,
  evalIntervalS = 1,
}: {
  port: number;
  /** host:port of the dashboard. */
  metricsTarget: string;
  ruleFiles: string[];
  scrapeIntervalS?: number;
  evalIntervalS?: number;
}): Promise<TestPrometheus> {
  if (!PROMETHEUS_BINARY) throw new Error("prometheus is not on PATH (apt-get install prometheus)");
  const dir = mkdtempSync(path.join(tmpdir(), "linkscope-prometheus-"));
  const config = path.join(dir, "prometheus.yml");
  writeFileSync(
    config,
    [
      "global:",
      `  scrape_interval: ${scrapeIntervalS}s`,
      `  scrape_timeout: ${scrapeIntervalS}s`,
      `  evaluation_interval: ${evalIntervalS}s`,
      "  external_labels: { linkscope_url: 'http://linkscope.test' }",
      "rule_files:",
      ...ruleFiles.map((f) => `  - ${JSON.stringify(f)}`),
      "scrape_configs:",
      "  - job_name: linkscope",
      "    metrics_path: /api/metrics",
      `    static_configs: [{ targets: [${JSON.stringify(metricsTarget)}] }]`,
      "",
    ].join("\n"),
  );
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(
    PROMETHEUS_BINARY,
    [`--config.file=${config}`, `--storage.tsdb.path=${path.join(dir, "data")}`, `--web.listen-address=127.0.0.1:${port}`, "--log.level=warn"],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  let log = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    log += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const ready = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`prometheus exited with ${child.exitCode}: ${log.slice(-2000)}`);
    try {
      if ((await fetch(`${url}/-/ready`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > ready) throw new Error(`prometheus did not become ready on ${url}: ${log.slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 200));
  }

  return {
    url,
    alerts: async () => (await api<{ alerts: PrometheusAlert[] }>(`${url}/api/v1/alerts`)).alerts,
    target: async () => {
      const data = await api<{ activeTargets: Array<{ health: string; lastScrape: string; lastError: string; labels: Record<string, string> }> }>(
        `${url}/api/v1/targets?state=active`,
      );
      return data.activeTargets.find((t) => t.labels.job === "linkscope") ?? null;
    },
    lastEvaluationMs: async () => {
      const data = await api<{ groups: Array<{ lastEvaluation: string }> }>(`${url}/api/v1/rules`);
      const times = data.groups.map((g) => Date.parse(g.lastEvaluation)).filter((t) => Number.isFinite(t) && t > 0);
      return times.length === 0 ? 0 : Math.min(...times);
    },
    query: async (promql, atSeconds) => {
      const at = atSeconds === undefined ? "" : `&time=${atSeconds}`;
      const data = await api<{ result: Array<{ metric: Record<string, string>; value: [number, string] }> }>(`${url}/api/v1/query?query=${encodeURIComponent(promql)}${at}`);
      return data.result.map((r) => ({ metric: r.metric, value: Number(r.value[1]) }));
    },
    rangeQuery: async (promql, fromSeconds, toSeconds) => {
      const data = await api<{ result: Array<{ metric: Record<string, string>; values: [number, string][] }> }>(
        `${url}/api/v1/query_range?query=${encodeURIComponent(promql)}&start=${fromSeconds}&end=${toSeconds}&step=1`,
      );
      return data.result.map((r) => ({ metric: r.metric, values: r.values.length }));
    },
    stop: async () => {
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
