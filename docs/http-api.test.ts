import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The HTTP API contract must name every route the server has: a route added under app/api without a line in
// docs/http-api.md fails here. Each route is a `### \`METHOD /api/path\`` heading there.

const root = path.resolve(import.meta.dirname, "..");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return routeFiles(full);
    return e.name === "route.ts" ? [full] : [];
  });
}

/** "app/api/clusters/[cluster]/links/route.ts" exporting GET → "GET /api/clusters/{cluster}/links". */
function routesOf(file: string): string[] {
  const dir = path.relative(path.join(root, "app"), path.dirname(file)).split(path.sep).join("/");
  const url = `/${dir}`.replace(/\[(\w+)\]/g, "{$1}");
  const source = readFileSync(file, "utf8");
  return METHODS.filter((m) => new RegExp(`export\\s+(const|async\\s+function|function)\\s+${m}\\b`).test(source)).map(
    (m) => `${m} ${url}`,
  );
}

describe("docs/http-api.md", () => {
  const doc = readFileSync(path.join(root, "docs/http-api.md"), "utf8");
  const documented = new Set([...doc.matchAll(/^### `((?:GET|POST|PUT|PATCH|DELETE) \/api\/[^`?]*)`/gm)].map((m) => m[1] ?? ""));
  const routes = routeFiles(path.join(root, "app/api")).flatMap(routesOf).sort();

  it("finds the routes (so the check below cannot pass on an empty list)", () => {
    expect(routes).toContain("GET /api/mirrors/top-lag");
    expect(routes.length).toBeGreaterThan(15);
  });

  it.each(routes)("documents %s", (route) => {
    expect(documented.has(route), `add a "### \`${route}\`" section to docs/http-api.md`).toBe(true);
  });

  it("documents no route the server does not have", () => {
    expect([...documented].filter((r) => !routes.includes(r))).toEqual([]);
  });
});
