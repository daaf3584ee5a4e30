/** Scenario lookup: a bundled name (simulator/scenarios/<name>.json, or the generated `scale`), a file path, or an object. */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { FULL_SCALE, generateScaleScenario } from "./scale";
import { ScenarioSchema, type Scenario, type ScenarioInput } from "./schema";

export const SCENARIO_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "scenarios");

export class ScenarioError extends Error {
  override name = "ScenarioError";
}

/** The benchmark's fleet (24 clusters, 96 links, 9,600 mirrors), generated rather than stored: a JSON file of it would be ~2 MB. */
const GENERATED_SCALE = "scale";

export function bundledScenarioNames(): string[] {
  return ["seed-dr-chain", "hybrid", "active-active", "demo", GENERATED_SCALE];
}

export function parseScenario(raw: unknown, where: string): Scenario {
  const r = ScenarioSchema.safeParse(raw);
  if (!r.success) {
    const lines = r.error.issues.map((i) => `  - ${i.path.join(".") || "(root)"}: ${i.message}`);
    throw new ScenarioError(`Invalid scenario ${where}:\n${lines.join("\n")}`);
  }
  return r.data;
}

export function loadScenario(ref: string | ScenarioInput): Scenario {
  if (typeof ref !== "string") return parseScenario(ref, "(object)");
  if (ref === GENERATED_SCALE) return parseScenario(generateScaleScenario(FULL_SCALE).scenario, "scale (generated)");
  const file = /[\\/]|\.json$/.test(ref) ? path.resolve(ref) : path.join(SCENARIO_DIR, `${ref}.json`);
  if (!existsSync(file)) {
    throw new ScenarioError(`Unknown scenario '${ref}': no file ${file}. Bundled scenarios: ${bundledScenarioNames().join(", ")}.`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (err) {
    throw new ScenarioError(`Scenario ${file} is not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  return parseScenario(raw, file);
}
