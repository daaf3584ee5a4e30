// `npm run soak [-- --minutes 10 --viewers 50]`: many viewers poll the dashboard while faults come and go;
// reports the server's memory over time and any 5xx or failed request. Not part of `npm test`.
import { readFileSync } from "node:fs";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse, stringify } from "yaml";
import { startSimulator } from "../simulator/index";
import { buildIfNeeded } from "./lib/build-if-needed";
import { startDashboard, stopChild } from "./lib/start-dashboard";
import { required } from "@/lib/domain/required";

const root = path.resolve(import.meta.dirname, "..");
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const minutes = arg("minutes", 10);
const viewers = arg("viewers", 50);
const PORT = arg("port", 3390);

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

async function main() {
  buildIfNeeded(root);
  const sim = await startSimulator({ scenario: "demo", basePort: 38190, adminPort: 38189, clock: { speed: 10 } });
  const config = parse(sim.configYaml()) as Record<string, unknown>;
  config.pollIntervalSeconds = 5;
  const configFile = path.join(root, ".linkscope", "soak.config.yaml");
  mkdirSync(path.dirname(configFile), { recursive: true });
  writeFileSync(configFile, stringify(config));
  const dashboard = await startDashboard({ root, configFile, port: PORT, quiet: true });
  const base = `http://127.0.0.1:${PORT}`;
  const admin = (method: string, p: string, body?: unknown) =>
    fetch(`${sim.adminUrl}${p}`, {
      method,
      ...(body ? { body: JSON.stringify(body), headers: { "content-type": "application/json" } } : {}),
    });

  const paths = [
    "/",
    "/api/topology",
    "/api/clusters",
    "/api/clusters/dr/links/jump-to-dr",
    "/api/clusters/dr/links/jump-to-dr/mirrors",
    "/api/metrics",
  ];
  const counts = { ok: 0, clientErrors: 0, serverErrors: 0, failed: 0 };
  const deadline = Date.now() + minutes * 60_000;
  const viewer = async (i: number) => {
    while (Date.now() < deadline) {
      for (const p of paths) {
        try {
          const res = await fetch(base + p);
          await res.arrayBuffer();
          if (res.status >= 500) counts.serverErrors++;
          else if (res.status >= 400) counts.clientErrors++;
          else counts.ok++;
        } catch {
          counts.failed++;
        }
      }
      await new Promise((r) => setTimeout(r, 5000 + (i % 10) * 100));
    }
  };

  // Faults rotate every minute: a stopped cluster, a slow one, one answering garbage, rotated credentials, then all clear.
  const faults = [
    () => admin("POST", "/clusters/jump/stop"),
    () => admin("PUT", "/clusters/cloud/faults", { latencyMs: 8000 }),
    () => admin("PUT", "/clusters/us-west/faults", { errorRate: 0.5, errorMode: "malformed" }),
    () => admin("POST", "/network/cut", { a: "primary", b: "jump" }),
  ];
  const clear = async () => {
    await admin("POST", "/clusters/jump/start");
    await admin("DELETE", "/clusters/cloud/faults");
    await admin("DELETE", "/clusters/us-west/faults");
    await admin("POST", "/network/restore", { a: "primary", b: "jump" });
  };

  const samples: Array<{ minute: number; rssMb: number }> = [];
  const started = Date.now();
  const sampler = setInterval(
    () =>
      samples.push({
        minute: Math.round((Date.now() - started) / 6000) / 10,
        rssMb: rssMb(required(dashboard.pid, "the dashboard's process id")),
      }),
    10_000,
  );
  let step = 0;
  const faultTimer = setInterval(() => {
    void clear().then(() => faults[step++ % faults.length]?.());
  }, 60_000);

  console.log(`soak: ${viewers} viewers for ${minutes} min against ${base}, faults rotating every minute…`);
  await Promise.all(Array.from({ length: viewers }, (_, i) => viewer(i)));
  clearInterval(sampler);
  clearInterval(faultTimer);
  await clear();

  // The first minutes are warm-up (JIT, first renders, connection pools): judge growth after them.
  const warmupMinutes = Math.min(2, minutes * 0.3);
  const first = samples
    .filter((s) => s.minute >= warmupMinutes)
    .slice(0, 3)
    .map((s) => s.rssMb);
  const last = samples.slice(-3).map((s) => s.rssMb);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  console.log(
    JSON.stringify(
      { counts, rssMb: { early: median(first), late: median(last), peak: Math.max(...samples.map((s) => s.rssMb)) }, samples },
      null,
      1,
    ),
  );
  await stopChild(dashboard);
  await sim.stop();
  const grew = median(last) - median(first);
  if (counts.serverErrors > 0 || counts.failed > 0 || grew > 100) {
    console.error(`soak: FAILED (server errors ${counts.serverErrors}, failed requests ${counts.failed}, memory grew ${grew} MB)`);
    process.exit(1);
  }
  console.log(`soak: passed (memory ${median(first)} → ${median(last)} MB)`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
