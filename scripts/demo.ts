// `npm run demo`: builds when needed, starts the simulator with the demo fleet and the dashboard, stops both on Ctrl-C.
// Ports: the dashboard on 3000 (or PORT / --port), the simulator's admin API on 18089 and its clusters from 18090. When a
// default port is taken the demo picks free ones and says which; a port asked for explicitly must be free.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { startSimulator } from "../simulator/index";
import { buildIfNeeded } from "./lib/build-if-needed";
import { firstFreePort, isPortFree, isRangeFree } from "./lib/free-ports";
import { startDashboard, stopChild } from "./lib/start-dashboard";

const USAGE = `usage: npm run demo -- [--port 3000] [--host 127.0.0.1] [--sim-admin-port 18089] [--sim-base-port 18090] [--scenario demo]
  PORT, HOST and LINKSCOPE_DEMO_SCENARIO set the same as --port, --host and --scenario.`;

const root = path.resolve(import.meta.dirname, "..");
const DEFAULT_PORT = 3000;
const DEFAULT_ADMIN_PORT = 18089;
const DEFAULT_BASE_PORT = 18090;
/** The default cluster range, 18090–18099: room for the largest bundled scenario. */
const DEFAULT_RANGE = 10;

function portOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value === "") return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65535) {
    console.error(`--${name} must be a port number (1–65535), not "${value}".\n${USAGE}`);
    process.exit(2);
  }
  return n;
}

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: "string" },
      host: { type: "string" },
      "sim-admin-port": { type: "string" },
      "sim-base-port": { type: "string" },
      scenario: { type: "string" },
      help: { type: "boolean" },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const host = values.host ?? process.env.HOST ?? "127.0.0.1";
  const scenario = values.scenario ?? process.env.LINKSCOPE_DEMO_SCENARIO ?? "demo";
  const askedPort = portOption(values.port ?? process.env.PORT, "port");
  const askedAdmin = portOption(values["sim-admin-port"], "sim-admin-port");
  const askedBase = portOption(values["sim-base-port"], "sim-base-port");

  // A default port that is taken is replaced by a free one (0: the system picks); an asked-for one is used as is, and
  // a clash then fails with the port named.
  const adminPort = askedAdmin ?? ((await isPortFree(DEFAULT_ADMIN_PORT, "127.0.0.1")) ? DEFAULT_ADMIN_PORT : 0);
  const basePort = askedBase ?? ((await isRangeFree(DEFAULT_BASE_PORT, DEFAULT_RANGE, "127.0.0.1")) ? DEFAULT_BASE_PORT : 0);
  const port =
    askedPort ??
    (await firstFreePort(
      Array.from({ length: 50 }, (_, i) => DEFAULT_PORT + i),
      host,
    ));
  if (port === null) throw new Error(`ports ${DEFAULT_PORT}–${DEFAULT_PORT + 49} on ${host} are all taken; choose one with --port`);

  buildIfNeeded(root);
  const sim = await startSimulator({ scenario, basePort, adminPort, clock: { speed: 1 } });
  const configFile = path.join(root, ".linkscope", "demo.config.yaml");
  mkdirSync(path.dirname(configFile), { recursive: true });
  writeFileSync(configFile, sim.configYaml());
  console.log(`simulator: ${sim.clusters.length} clusters (${sim.clusters.map((c) => c.name).join(", ")}); admin API ${sim.adminUrl}`);
  const moved = [
    adminPort === 0 ? `admin port ${DEFAULT_ADMIN_PORT}` : null,
    basePort === 0 ? `cluster ports ${DEFAULT_BASE_PORT}–${DEFAULT_BASE_PORT + DEFAULT_RANGE - 1}` : null,
  ];
  if (moved.some(Boolean)) {
    console.log(
      `  (${moved.filter(Boolean).join(" and ")} taken: the simulator listens on free ports instead; ${path.relative(root, configFile)} has them)`,
    );
  }
  if (askedPort === undefined && port !== DEFAULT_PORT) console.log(`  (port ${DEFAULT_PORT} was taken, so the dashboard uses ${port})`);

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
