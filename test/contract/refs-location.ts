import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = typeof __dirname === "string" ? __dirname : path.dirname(fileURLToPath(import.meta.url));

/** The repository root: this file lives in `<root>/test/contract/`. */
export const repoRoot = path.resolve(here, "../..");

/** The vitest tag of every test that reads Confluent's OpenAPI specs or recorded answers (vitest.config.mts skips it without them). */
export const VENDOR_REFS_TAG: "vendor-refs" = "vendor-refs";

/**
 * Where the vendor reference directory is looked for: beside the repository (`<root>/../shared/refs`), as in this
 * workspace and in CI, unless LINKSCOPE_VENDOR_REFS names it. A fresh clone has none.
 */
export function vendorRefsPath(): string {
  return path.resolve(process.env.LINKSCOPE_VENDOR_REFS ?? path.resolve(repoRoot, "../shared/refs"));
}

export function vendorRefsPresent(): boolean {
  return existsSync(vendorRefsPath());
}

/** Under CI the wire contract is always judged: missing refs fail the vendor tests instead of skipping them. */
export function vendorRefsRequired(): boolean {
  return process.env.CI === "true";
}

/** Whether the tests tagged VENDOR_REFS_TAG are skipped in this run. */
export function skipVendorRefTests(): boolean {
  return !vendorRefsPresent() && !vendorRefsRequired();
}

/** How to run the vendor tests, for the summary line and for the error of a vendor test that runs without the refs. */
export const ENABLE_VENDOR_REFS = "put Confluent's refs (OpenAPI specs and fixtures/) at ../shared/refs or set LINKSCOPE_VENDOR_REFS to their directory";

/** The one summary line naming the vendor tests a run skipped (by file), or null when it skipped none. */
export function vendorRefsSkippedLine(skippedTestFiles: readonly string[]): string | null {
  if (skippedTestFiles.length === 0) return null;
  const counts = new Map<string, number>();
  for (const file of skippedTestFiles) counts.set(file, (counts.get(file) ?? 0) + 1);
  const files = [...counts].map(([file, n]) => `${path.relative(repoRoot, path.resolve(repoRoot, file))} (${n})`).join(", ");
  const n = skippedTestFiles.length;
  return `Skipped ${n} vendor-contract test${n === 1 ? "" : "s"} (no vendor refs at ${vendorRefsPath()}): ${files}. To run them, ${ENABLE_VENDOR_REFS}.`;
}

/**
 * The vendor reference directory; throws when it is missing (a vendor test runs without it only under CI=true, where
 * that is the failure to report).
 */
export function refsDir(): string {
  const dir = vendorRefsPath();
  if (!existsSync(dir)) {
    throw new Error(
      `Vendor reference directory not found at ${dir}. The contract validator needs Confluent's OpenAPI specs and recorded answers` +
        `${vendorRefsRequired() ? " (CI=true: the vendor-contract tests are required)" : ""}; ${ENABLE_VENDOR_REFS}.`,
    );
  }
  return dir;
}

export function refsFile(name: string): string {
  const file = path.join(refsDir(), name);
  if (!existsSync(file)) throw new Error(`Vendor reference file missing: ${file}`);
  return file;
}
