// `npm test`: lint and format check (Biome), then unit tests (vitest) and browser tests (Playwright), and one closing line
// `N passed, N failed` for all three, the lint check counting as one check that passes or fails. Any lint finding fails
// the run, but the tests still run so one report shows everything.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { vendorRefsSkippedLine } from "../test/contract/refs-location";
import { ensureBrowser } from "./ensure-browser";
import { buildIfNeeded } from "./lib/build-if-needed";

const root = path.resolve(import.meta.dirname, "..");
const results = path.join(root, "test-results");
const unitJson = path.join(results, "unit-results.json");
const e2eJson = path.join(results, "e2e-results.json");
const lintJson = path.join(results, "lint-results.json");
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

interface UnitReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults: Array<{ name: string; assertionResults: Array<{ status: string; tags?: string[] }> }>;
}

function readUnitReport(): UnitReport | null {
  return existsSync(unitJson) ? (JSON.parse(readFileSync(unitJson, "utf8")) as UnitReport) : null;
}

function unitCounts(j: UnitReport | null): Counts | null {
  return j && { passed: j.numPassedTests, failed: j.numFailedTests, skipped: j.numPendingTests + j.numTodoTests };
}

/** The vendor-contract tests this run skipped for want of ../shared/refs, one entry (the file) per test. */
function skippedVendorTests(j: UnitReport | null): string[] {
  return (j?.testResults ?? []).flatMap((file) =>
    file.assertionResults.filter((a) => (a.status === "skipped" || a.status === "pending") && a.tags?.includes("vendor-refs")).map(() => file.name),
  );
}

function readE2e(): Counts | null {
  if (!existsSync(e2eJson)) return null;
  const j = JSON.parse(readFileSync(e2eJson, "utf8")) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
  return { passed: j.stats.expected, failed: j.stats.unexpected + j.stats.flaky, skipped: j.stats.skipped };
}

/** `npm run lint` (biome check: lint rules and formatting), with its findings counted from Biome's JSON report. */
function lint(): number {
  console.log("\n== lint and format (Biome) ==");
  const status = run(bin("biome"), ["check", "--error-on-warnings", "--reporter=default", "--reporter=json", `--reporter-file=${lintJson}`]);
  if (!existsSync(lintJson)) return status === 0 ? 0 : 1;
  const { summary } = JSON.parse(readFileSync(lintJson, "utf8")) as { summary: { errors: number; warnings: number; infos: number } };
  const findings = summary.errors + summary.warnings + summary.infos;
  // A non-zero exit without a counted finding (a broken config, say) is still one finding, never silence.
  return findings > 0 || status === 0 ? findings : 1;
}

function main(): number {
  rmSync(results, { recursive: true, force: true });
  mkdirSync(results, { recursive: true });
  const only = process.argv[2];

  const lintFindings = lint();
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
    const reporters = ["--reporter=default", "--reporter=./test/support/vendor-refs-reporter.ts", "--reporter=json"];
    unitStatus = run(bin("vitest"), ["run", ...reporters, `--outputFile.json=${unitJson}`]);
  }

  let e2eStatus = 0;
  if (only !== "unit") {
    console.log("\n== browser tests (Playwright) ==");
    const chromium = ensureBrowser();
    e2eStatus = run(bin("playwright"), ["test"], { CHROMIUM_PATH: chromium });
  }

  const unitReport = only === "e2e" ? null : readUnitReport();
  const unit = only === "e2e" ? { passed: 0, failed: 0, skipped: 0 } : unitCounts(unitReport);
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
  if (lintFindings > 0) total.failed += 1;
  else total.passed += 1;

  const lintLine = lintFindings === 0 ? "clean" : `${lintFindings} finding${lintFindings === 1 ? "" : "s"} (npm run lint)`;
  console.log(`\nlint: ${lintLine}; unit: ${unit ? `${unit.passed} passed, ${unit.failed} failed` : "no report"}; browser: ${e2e ? `${e2e.passed} passed, ${e2e.failed} failed` : "no report"}`);
  const vendorLine = vendorRefsSkippedLine(skippedVendorTests(unitReport));
  if (vendorLine) console.log(vendorLine);
  const line = `${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ""}`;
  writeFileSync(path.join(results, "summary.txt"), `${line}\n`);
  console.log(line);
  return total.failed > 0 || total.passed === 0 ? 1 : 0;
}

process.exit(main());
