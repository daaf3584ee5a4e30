// `npm run demo`: builds when needed, starts the simulator with the demo fleet and the dashboard, stops both on Ctrl-C.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startSimulator } from "../simulator/index";
import { buildIfNeeded } from "./lib/build-if-needed";
import { startDashboard, stopChild } from "./lib/start-dashboard";

const root = path.resolve(import.meta.dirname, "..");
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "127.0.0.1";
const scenario = process.env.LINKSCOPE_DEMO_SCENARIO ?? "demo";

async function main() {
  buildIfNeeded(root);
  const sim = await startSimulator({ scenario, basePort: 18090, adminPort: 18089, clock: { speed: 1 } });
  const configFile = path.join(root, ".linkscope", "demo.config.yaml");
  mkdirSync(path.dirname(configFile), { recursive: true });
  writeFileSync(configFile, sim.configYaml());
  console.log(`simulator: ${sim.clusters.length} clusters (${sim.clusters.map((c) => c.name).join(", ")}); admin API ${sim.adminUrl}`);

  const dashboard = await startDashboard({ root, configFile, port, host });
  console.log(`\nLinkscope is running: http://${host}:${port}\nPress Ctrl-C to stop.\n`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log("\nStopping the dashboard and the simulator…");
    await stopChild(dashboard);
    await sim.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
  dashboard.on("exit", (code) => {
    if (stopping) return;
    console.error(`the dashboard exited (code ${code}); stopping the simulator.`);
    void sim.stop().then(() => process.exit(code ?? 1));
  });
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
