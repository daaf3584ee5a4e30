import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The layer rules of README's Architecture and docs/architecture.md, checked on every product file's imports (tests may reach
 * across layers to set things up). A rule names the top folders a layer must not import from.
 */
const root = path.resolve(__dirname, "..");

const RULES: { layer: string; mustNotImport: string[] }[] = [
  { layer: "lib/domain", mustNotImport: ["app", "components", "lib/client", "lib/server", "lib/confluent", "lib/config", "simulator"] },
  { layer: "lib/api", mustNotImport: ["app", "components", "lib/client", "lib/server", "lib/confluent", "simulator"] },
  { layer: "lib/config", mustNotImport: ["app", "components", "lib/client", "lib/server", "lib/confluent", "simulator"] },
  { layer: "lib/confluent", mustNotImport: ["app", "components", "lib/client", "lib/server", "simulator"] },
  { layer: "lib/server", mustNotImport: ["app", "components", "lib/client", "simulator"] },
  { layer: "lib/client", mustNotImport: ["app/api", "lib/server", "lib/confluent", "simulator"] },
  { layer: "components", mustNotImport: ["app/api", "lib/server", "lib/confluent", "simulator"] },
  { layer: "simulator", mustNotImport: ["app", "components", "lib/client", "lib/server", "lib/confluent"] },
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "node_modules" ? [] : sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) && !full.includes(`${path.sep}test-support${path.sep}`) ? [full] : [];
  });
}

/** Repository-relative targets of a file's imports that stay inside the repository. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g)].map((m) => m[1] ?? "");
  return specifiers.flatMap((s) => {
    if (s.startsWith("@/")) return [s.slice(2)];
    if (s.startsWith(".")) return [path.relative(root, path.resolve(path.dirname(file), s))];
    return [];
  });
}

const inside = (target: string, folder: string) => target === folder || target.startsWith(`${folder}/`);

describe("layer rules", () => {
  for (const { layer, mustNotImport } of RULES) {
    it(`${layer} imports nothing from ${mustNotImport.join(", ")}`, () => {
      const files = sourceFiles(path.join(root, layer));
      expect(files.length).toBeGreaterThan(0);
      const violations = files.flatMap((file) =>
        importsOf(file)
          .filter((target) => mustNotImport.some((folder) => inside(target, folder)))
          .map((target) => `${path.relative(root, file)} → ${target}`),
      );
      expect(violations).toEqual([]);
    });
  }
});
