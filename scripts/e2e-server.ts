// The browser tests' server: the simulator (demo fleet, manual clock so tests drive time), the production dashboard,
// and in front of it a pass-through proxy that scans every response, as the server log, for the config's secrets.
import { appendFileSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse, stringify } from "yaml";
import { startSimulator } from "../simulator/index";
import { E2E_CONFIG_FILE, E2E_SECRET_HITS, E2E_SECRET_STATS, E2E_SERVER_LOG } from "../e2e/support/artifacts";
import { E2E_APP_PORT, E2E_POLL_INTERVAL_SECONDS, E2E_SIM_ADMIN_PORT, E2E_SIM_BASE_PORT, E2E_SLOW_CLUSTER } from "../e2e/support/ports";
import { buildIfNeeded } from "./lib/build-if-needed";
import { startScanningProxy } from "./lib/scanning-proxy";
import { SecretScanner } from "./lib/secret-scanner";
import { startDashboard, stopChild } from "./lib/start-dashboard";

const root = path.resolve(import.meta.dirname, "..");

/** Every credential the dashboard holds: none of them may ever reach a browser or a log line. */
function secretsOf(config: { clusters?: Array<{ auth?: Record<string, unknown> }> }): string[] {
  return (config.clusters ?? []).flatMap((c) =>
    ["password", "token", "key"].map((k) => c.auth?.[k]).filter((v): v is string => typeof v === "string"),
  );
}

async function main() {
  buildIfNeeded(root);
  const sim = await startSimulator({ scenario: "demo", basePort: E2E_SIM_BASE_PORT, adminPort: E2E_SIM_ADMIN_PORT, clock: "manual" });
  const config = parse(sim.configYaml()) as Record<string, unknown>;
  config.pollIntervalSeconds = E2E_POLL_INTERVAL_SECONDS;
  for (const cluster of config.clusters as Array<Record<string, unknown>>) {
    if (cluster.name === E2E_SLOW_CLUSTER.name) cluster.timeoutMs = E2E_SLOW_CLUSTER.timeoutMs;
  }
  mkdirSync(path.dirname(E2E_CONFIG_FILE), { recursive: true });
  writeFileSync(E2E_CONFIG_FILE, stringify(config));
  writeFileSync(E2E_SECRET_HITS, "");
  writeFileSync(E2E_SERVER_LOG, "");

  const scanner = new SecretScanner(secretsOf(config as Parameters<typeof secretsOf>[0]));
  const recordHit = (where: string, secretIndex: number) => appendFileSync(E2E_SECRET_HITS, `${JSON.stringify({ where, secretIndex })}\n`);
  const writeStats = () =>
    writeFileSync(E2E_SECRET_STATS, JSON.stringify({ secrets: scanner.secretCount, bytesScanned: scanner.bytesScanned }));

  const dashboard = await startDashboard({
    root,
    configFile: E2E_CONFIG_FILE,
    port: E2E_APP_PORT + 1,
    onOutput: (chunk) => {
      appendFileSync(E2E_SERVER_LOG, chunk);
      for (const hit of scanner.scan("server-log", chunk, "server log")) recordHit(hit.where, hit.secretIndex);
    },
  });
  const proxy = await startScanningProxy({ port: E2E_APP_PORT, targetPort: E2E_APP_PORT + 1, scanner, onHit: recordHit });
  const statsTimer = setInterval(writeStats, 500);
  writeStats();

  const stop = async () => {
    clearInterval(statsTimer);
    writeStats();
    proxy.close();
    await stopChild(dashboard);
    await sim.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
