import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = typeof __dirname === "string" ? __dirname : path.dirname(fileURLToPath(import.meta.url));

/** The repository root: this file lives in `<root>/test/contract/`. */
export const repoRoot = path.resolve(here, "../..");

/**
 * The vendor reference directory. It sits beside the repository (`<root>/../shared/refs`) here and in CI;
 * LINKSCOPE_VENDOR_REFS overrides it.
 */
export function refsDir(): string {
  const dir = process.env.LINKSCOPE_VENDOR_REFS ?? path.resolve(repoRoot, "../shared/refs");
  if (!existsSync(dir)) {
    throw new Error(
      `Vendor reference directory not found at ${dir}. The contract validator needs the Confluent OpenAPI specs ` +
        `from shared/refs next to the repository (or set LINKSCOPE_VENDOR_REFS to its path).`,
    );
  }
  return dir;
}

export function refsFile(name: string): string {
  const file = path.join(refsDir(), name);
  if (!existsSync(file)) throw new Error(`Vendor reference file missing: ${file}`);
  return file;
}
