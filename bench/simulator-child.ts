/**
 * The benchmark's simulator, in its own process so its work never shows up in the measuring client's timings:
 *   tsx bench/simulator-child.ts <scenario.json>
 * Prints one line `BENCH_SIMULATOR_READY <json>` (admin URL, clusters, Linkscope config) and runs until SIGTERM.
 */
import { startSimulator } from "@/simulator/index";

const READY_MARKER = "BENCH_SIMULATOR_READY ";

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) throw new Error("usage: tsx bench/simulator-child.ts <scenario.json>");
  const started = performance.now();
  const sim = await startSimulator({ scenario: file, basePort: 0, adminPort: 0, clock: { speed: 1 } });
  const stop = () => void sim.stop().then(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  const ready = { adminUrl: sim.adminUrl, clusters: sim.clusters, configYaml: sim.configYaml(), startMs: performance.now() - started };
  process.stdout.write(`${READY_MARKER}${JSON.stringify(ready)}\n`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
