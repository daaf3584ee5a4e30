import { spawn } from "node:child_process";
import path from "node:path";
import type { HistoryBenchResult } from "../measure/history";

const RESULT_MARKER = "BENCH_HISTORY_RESULT ";

/** Runs item 6 in its own process (bench/history-sampler.ts --json), so its CPU time is its own. */
export function runHistoryProcess(
  root: string,
  args: { samples: number; queryHours: number; queryRuns: number },
): Promise<HistoryBenchResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        "--conditions=react-server",
        "--import",
        "tsx",
        path.join(root, "bench", "history-sampler.ts"),
        "--samples",
        String(args.samples),
        "--query-hours",
        String(args.queryHours),
        "--query-runs",
        String(args.queryRuns),
        "--json",
      ],
      { cwd: root, stdio: ["ignore", "pipe", "pipe"] },
    );
    let out = "";
    let err = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString("utf8")));
    child.stderr.on("data", (c: Buffer) => (err = (err + c.toString("utf8")).slice(-4000)));
    child.once("exit", (code) => {
      const line = out.split("\n").find((l) => l.startsWith(RESULT_MARKER));
      if (code !== 0 || !line) return reject(new Error(`the history bench failed (exit ${code}):\n${err}`));
      resolve(JSON.parse(line.slice(RESULT_MARKER.length)) as HistoryBenchResult);
    });
  });
}
