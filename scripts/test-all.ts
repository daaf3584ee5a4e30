// `npm test`: unit tests (vitest) then browser tests (Playwright), and one closing line `N passed, N failed` for both.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ensureBrowser } from "./ensure-browser";
import { buildIfNeeded } from "./lib/build-if-needed";

const root = path.resolve(import.meta.dirname, "..");
const results = path.join(root, "test-results");
const unitJson = path.join(results, "unit-results.json");
const e2eJson = path.join(results, "e2e-results.json");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

function run(cmd: string, args: string[], extraEnv: Record<string, string> = {}): number {
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...extraEnv } });
  return r.status ?? 1;
}

function readUnit(): Counts | null {
  if (!existsSync(unitJson)) return null;
  const j = JSON.parse(readFileSync(unitJson, "utf8")) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
  return { passed: j.numPassedTests, failed: j.numFailedTests, skipped: j.numPendingTests + j.numTodoTests };
}

function readE2e(): Counts | null {
  if (!existsSync(e2eJson)) return null;
  const j = JSON.parse(readFileSync(e2eJson, "utf8")) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
  return { passed: j.stats.expected, failed: j.stats.unexpected + j.stats.flaky, skipped: j.stats.skipped };
}

function main(): number {
  rmSync(results, { recursive: true, force: true });
  mkdirSync(results, { recursive: true });
  const only = process.argv[2];

  // Built once up front: the browser tests and the two-replica unit test (test/replicas) run the production server. A
  // failed build is one failure, and the unit tests that need no build still run.
  let buildFailed = false;
  try {
    buildIfNeeded(root);
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    buildFailed = true;
  }

  let unitStatus = 0;
  if (only !== "e2e") {
    console.log("\n== unit tests (vitest) ==");
    unitStatus = run(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile=${unitJson}`]);
  }

  let e2eStatus = 0;
  if (only !== "unit") {
    console.log("\n== browser tests (Playwright) ==");
    const chromium = ensureBrowser();
    e2eStatus = run(bin("playwright"), ["test"], { CHROMIUM_PATH: chromium });
  }

  const unit = only === "e2e" ? { passed: 0, failed: 0, skipped: 0 } : readUnit();
  const e2e = only === "unit" ? { passed: 0, failed: 0, skipped: 0 } : readE2e();
  // A runner that crashed before writing its report counts as one failure, never as silence.
  const total: Counts = {
    passed: (unit?.passed ?? 0) + (e2e?.passed ?? 0),
    failed: (unit?.failed ?? (unitStatus ? 1 : 0)) + (e2e?.failed ?? (e2eStatus ? 1 : 0)),
    skipped: (unit?.skipped ?? 0) + (e2e?.skipped ?? 0),
  };
  if (buildFailed) total.failed += 1;
  if (unitStatus !== 0 && total.failed === 0) total.failed = 1;
  if (e2eStatus !== 0 && total.failed === 0) total.failed = 1;

  console.log(`\nunit: ${unit ? `${unit.passed} passed, ${unit.failed} failed` : "no report"}; browser: ${e2e ? `${e2e.passed} passed, ${e2e.failed} failed` : "no report"}`);
  const line = `${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ""}`;
  writeFileSync(path.join(results, "summary.txt"), `${line}\n`);
  console.log(line);
  return total.failed > 0 || total.passed === 0 ? 1 : 0;
}

process.exit(main());
