import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "@/simulator/index";
import { PrometheusHistoryBackend } from "./backend";
import { createPrometheusClient } from "./client";

// Debian's prometheus (2.42) scraping the simulator's /metrics, read back through the backend. Skipped with a notice
// when the binary is not installed locally (`apt-get install prometheus`); under CI=true that is a failure (.ci/run
// installs it), so CI never passes without running it. The simulator's clock is manual, so every scrape sees the same
// lags and the expected values are exact.

const available = spawnSync("prometheus", ["--version"], { stdio: "ignore" }).status === 0;
if (!available) {
  if (process.env.CI === "true") throw new Error("prometheus is not installed; CI must run the real-Prometheus test (apt-get install prometheus)");
  console.warn("SKIPPED: prometheus is not installed; install it (apt-get install prometheus) to run the real-Prometheus history test");
}

let sim: RunningSimulator;
let prometheus: ChildProcess | undefined;
let dir: string;
let url: string;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Gauge values of one metric in a cluster's /metrics text, by label set. */
async function scrape(cluster: string, metric: string): Promise<Array<{ labels: Record<string, string>; value: number }>> {
  const port = sim.clusters.find((c) => c.name === cluster)!.port;
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  return text
    .split("\n")
    .filter((line) => line.startsWith(`${metric}{`))
    .map((line) => {
      const [, labelText = "", value = ""] = /^[^{]+\{(.*)\} (\S+)$/.exec(line) ?? [];
      const labels = Object.fromEntries([...labelText.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
      return { labels, value: Number(value) };
    });
}

async function waitForScrapes(query: string, deadlineMs: number) {
  const client = createPrometheusClient({ url });
  const until = Date.now() + deadlineMs;
  for (;;) {
    const ready = await client.queryInstant(query, Date.now() / 1000).then(
      (v) => v.result.length > 0 && Number(v.result[0]!.value[1]) >= 3,
      () => false,
    );
    if (ready) return;
    if (Date.now() > until) throw new Error(`Prometheus did not scrape the simulator within ${deadlineMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe.skipIf(!available)("Prometheus backend against a real Prometheus scraping the simulator", () => {
  beforeAll(async () => {
    sim = await startSimulator({ scenario: "demo", basePort: 0, adminPort: 0, clock: "manual" });
    // Ten simulated minutes: the capped onprem-to-cloud link falls behind.
    await fetch(`${sim.adminUrl}/clock`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ advanceMs: 600_000 }) });
    dir = mkdtempSync(path.join(tmpdir(), "linkscope-prometheus-"));
    const targets = sim.clusters.map((c) => `'127.0.0.1:${c.port}'`).join(", ");
    writeFileSync(path.join(dir, "prometheus.yml"), `global:\n  scrape_interval: 1s\nscrape_configs:\n  - job_name: simulator\n    static_configs:\n      - targets: [${targets}]\n`);
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    prometheus = spawn(
      "prometheus",
      [`--config.file=${path.join(dir, "prometheus.yml")}`, `--storage.tsdb.path=${path.join(dir, "data")}`, `--web.listen-address=127.0.0.1:${port}`, "--log.level=error"],
      { stdio: "ignore" },
    );
    await waitForScrapes('count_over_time(kafka_server_link_clusterlinkfetchermanager_maxlag{link_name="onprem-to-cloud"}[1m])', 20_000);
  }, 40_000);

  afterAll(async () => {
    prometheus?.kill("SIGTERM");
    await sim?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("reads back the link's max and total lag and its top mirror", async () => {
    const maxLag = (await scrape("cloud", "kafka_server_link_clusterlinkfetchermanager_maxlag")).find((s) => s.labels.link_name === "onprem-to-cloud")!.value;
    const partitions = (await scrape("cloud", "kafka_server_fetcherlagmetrics_consumerlag")).filter((s) => s.labels.link_name === "onprem-to-cloud");
    const totalLag = partitions.reduce((n, p) => n + p.value, 0);
    const topTopic = partitions.reduce((a, b) => (b.value > a.value ? b : a)).labels.topic;
    expect(maxLag).toBeGreaterThan(0);

    const to = Date.now();
    const series = await new PrometheusHistoryBackend(createPrometheusClient({ url })).query({
      level: "link", cluster: "cloud", link: "onprem-to-cloud", from: to - 30_000, to, stepMs: 15_000, metrics: ["maxLag", "totalLag", "mirrorMaxLag"], top: 1,
    });
    expect(series.map((s) => [s.key, s.metric])).toEqual([
      ["onprem-to-cloud", "maxLag"],
      ["onprem-to-cloud", "totalLag"],
      [topTopic, "mirrorMaxLag"],
    ]);
    for (const s of series) expect(s.points.length).toBeGreaterThan(0);
    expect(new Set(series[0]!.points.map(([, v]) => v))).toEqual(new Set([maxLag]));
    expect(series[1]!.points.at(-1)?.[1]).toBe(totalLag);
    expect(new Set(series[2]!.points.map(([, v]) => v))).toEqual(new Set([maxLag]));
  });

  it("reads back per-partition lag of one mirror", async () => {
    const expected = (await scrape("cloud", "kafka_server_fetcherlagmetrics_consumerlag"))
      .filter((s) => s.labels.link_name === "onprem-to-cloud" && s.labels.topic === "clickstream")
      .sort((a, b) => Number(a.labels.partition) - Number(b.labels.partition));
    const to = Date.now();
    const series = await new PrometheusHistoryBackend(createPrometheusClient({ url })).query({
      level: "mirror", cluster: "cloud", link: "onprem-to-cloud", topic: "clickstream", partition: null, from: to - 30_000, to, stepMs: 15_000, metrics: ["lag"],
    });
    expect(series.map((s) => s.key)).toEqual(expected.map((e) => `clickstream/${e.labels.partition}`));
    expect(series.map((s) => s.points.at(-1)?.[1])).toEqual(expected.map((e) => e.value));
  });
});
