// The browser tests' server: the simulator (demo fleet, manual clock so tests drive time) plus the production dashboard.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse, stringify } from "yaml";
import { startSimulator } from "../simulator/index";
import { E2E_APP_PORT, E2E_POLL_INTERVAL_SECONDS, E2E_SIM_ADMIN_PORT, E2E_SIM_BASE_PORT } from "../e2e/support/ports";
import { buildIfNeeded } from "./lib/build-if-needed";
import { startDashboard, stopChild } from "./lib/start-dashboard";

const root = path.resolve(import.meta.dirname, "..");

async function main() {
  buildIfNeeded(root);
  const sim = await startSimulator({ scenario: "demo", basePort: E2E_SIM_BASE_PORT, adminPort: E2E_SIM_ADMIN_PORT, clock: "manual" });
  const config = parse(sim.configYaml()) as Record<string, unknown>;
  config.pollIntervalSeconds = E2E_POLL_INTERVAL_SECONDS;
  const configFile = path.join(root, ".linkscope", "e2e.config.yaml");
  mkdirSync(path.dirname(configFile), { recursive: true });
  writeFileSync(configFile, stringify(config));
  const dashboard = await startDashboard({ root, configFile, port: E2E_APP_PORT });
  const stop = async () => {
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
