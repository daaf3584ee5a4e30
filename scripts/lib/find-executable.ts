import { accessSync, constants } from "node:fs";
import path from "node:path";

/** The first executable called `name` on PATH, or null: for tests that drive an installed tool (promtool, prometheus, amtool). */
export function findExecutable(name: string, env: NodeJS.ProcessEnv = process.env): string | null {
  for (const dir of (env.PATH ?? "").split(path.delimiter)) {
    if (dir === "") continue;
    const candidate = path.join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

/**
 * Whether a test that needs an installed tool must fail rather than skip when it is absent: under CI the tool is installed by
 * `.ci/run`, so its absence is a broken setup, not a developer's laptop.
 */
export function toolRequired(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.CI === "true" || env.CI === "1";
}
