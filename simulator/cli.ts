/**
 * npm run simulator -- --scenario <name|path.json> [--host 127.0.0.1] [--base-port 18090]
 *   [--admin-port 18089] [--write-config <file.yaml>] [--speed <factor>] [--manual-clock] [--wire java|go]
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { isWireStyle, WIRE_STYLES } from "./http/wire-style";
import { startSimulator } from "./index";

const USAGE = `usage: npm run simulator -- --scenario <name|path.json> [--host 127.0.0.1] [--base-port 18090]
       [--admin-port 18089] [--write-config <file.yaml>] [--speed <factor>] [--manual-clock] [--wire java|go]
bundled scenarios: seed-dr-chain, hybrid, active-active, demo, scale (generated: 24 clusters, 96 links)`;

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

function port(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) fail(`--${name} must be a port number (0-65535), got ${value}`);
  return n;
}

function readArgs() {
  try {
    return parseArgs({
      options: {
        scenario: { type: "string" },
        host: { type: "string" },
        "base-port": { type: "string" },
        "admin-port": { type: "string" },
        "write-config": { type: "string" },
        speed: { type: "string" },
        "manual-clock": { type: "boolean" },
        wire: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
    }).values;
  } catch (err) {
    return fail(err instanceof Error ? err.message : String(err));
  }
}

async function main(): Promise<void> {
  const values = readArgs();
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (!values.scenario) fail("--scenario is required");
  const speed = values.speed === undefined ? 1 : Number(values.speed);
  if (!Number.isFinite(speed) || speed <= 0) fail(`--speed must be a number > 0, got ${values.speed}`);
  if (values["manual-clock"] && values.speed !== undefined) fail("--speed and --manual-clock exclude each other");
  const wire = values.wire;
  if (wire !== undefined && !isWireStyle(wire)) fail(`--wire must be one of ${WIRE_STYLES.join(", ")}, got ${wire}`);

  // Handlers go in before the listeners open, so a signal during startup still stops cleanly.
  let sim: Awaited<ReturnType<typeof startSimulator>> | null = null;
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the simulator`);
    (sim ? sim.stop() : Promise.resolve()).then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));

  sim = await startSimulator({
    scenario: values.scenario,
    host: values.host ?? "127.0.0.1",
    basePort: port(values["base-port"], "base-port", 18090),
    adminPort: port(values["admin-port"], "admin-port", 18089),
    clock: values["manual-clock"] ? "manual" : { speed },
    ...(wire ? { wire } : {}),
  });
  if (stopping) return;
  const running = sim;
  const width = Math.max(...running.clusters.map((c) => c.name.length));
  for (const c of running.clusters) console.log(`${c.name.padEnd(width)}  ${c.id.padEnd(24)}  ${c.restUrl}`);
  console.log(`admin  ${running.adminUrl}`);
  if (values["write-config"]) {
    const file = path.resolve(values["write-config"]);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, running.configYaml());
    console.log(`config ${file}`);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
