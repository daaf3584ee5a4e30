import "server-only";
import { readFileSync } from "node:fs";

/** Config values for certificates and keys are PEM text or a path to a PEM file. */
export function readPem(valueOrPath: string, what: string): string {
  if (valueOrPath.includes("-----BEGIN")) return valueOrPath;
  try {
    return readFileSync(valueOrPath, "utf8");
  } catch (err) {
    const code = err instanceof Error && "code" in err ? String(err.code) : "unreadable";
    throw new Error(`Could not read the ${what} from ${valueOrPath} (${code}).`);
  }
}
