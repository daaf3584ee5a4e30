import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findExecutable, toolRequired } from "@/scripts/lib/find-executable";

// The shipped alert rules, checked and unit-tested by Prometheus's own promtool (Debian package `prometheus`).
const dir = import.meta.dirname;
const rules = path.join(dir, "linkscope-rules.yml");
const ruleTests = path.join(dir, "tests", "linkscope-rules.test.yml");
const promtool = findExecutable("promtool");

function run(args: string[]) {
  const r = spawnSync(promtool!, args, { encoding: "utf8" });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

describe.skipIf(promtool === null)("deploy/prometheus alert rules (promtool)", () => {
  it("pass promtool check rules", () => {
    const r = run(["check", "rules", rules]);
    expect(r.output).toContain("SUCCESS: 7 rules found");
    expect(r.status, r.output).toBe(0);
  });

  it("pass their unit tests: each rule fires, does not fire, and resolves", () => {
    const r = run(["test", "rules", ruleTests]);
    expect(r.status, r.output).toBe(0);
    expect(r.output).toContain("SUCCESS");
  });

  it("have a unit test for every rule", () => {
    const names = (file: string, pattern: RegExp) => new Set([...readFileSync(file, "utf8").matchAll(pattern)].map((m) => m[1]));
    const declared = names(rules, /^\s+- alert: (\w+)/gm);
    const tested = names(ruleTests, /^\s+alertname: (\w+)/gm);
    expect([...declared].sort()).toEqual([...tested].sort());
  });
});

describe.runIf(promtool === null)("deploy/prometheus alert rules without promtool", () => {
  it(toolRequired() ? "fail under CI: promtool must be installed (.ci/run installs Debian's prometheus)" : "are skipped: install promtool (Debian: apt-get install prometheus) to run them", () => {
    if (toolRequired()) throw new Error("promtool is not on PATH; CI must install it (apt-get install prometheus)");
    console.warn("promtool not found on PATH: the alert-rule tests were skipped (apt-get install prometheus to run them)");
  });
});
