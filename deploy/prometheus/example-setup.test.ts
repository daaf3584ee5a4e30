import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findExecutable, toolRequired } from "@/scripts/lib/find-executable";

// The example deploy/prometheus/ setup, checked by the tools that will read it.
const dir = import.meta.dirname;
const promtool = findExecutable("promtool");
// Alertmanager is optional on a development machine and in CI (Debian's prometheus-alertmanager ships amtool).
const amtool = findExecutable("amtool");

function run(tool: string, args: string[]) {
  const r = spawnSync(tool, args, { encoding: "utf8" });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

describe.skipIf(promtool === null)("deploy/prometheus/prometheus.yml", () => {
  it("is a valid Prometheus config that loads the shipped rules", () => {
    const r = run(promtool!, ["check", "config", path.join(dir, "prometheus.yml")]);
    expect(r.status, r.output).toBe(0);
    expect(r.output).toContain("SUCCESS: 7 rules found");
  });
});

describe.skipIf(amtool === null)("deploy/prometheus/alertmanager.yml", () => {
  const config = `--config.file=${path.join(dir, "alertmanager.yml")}`;

  it("is a valid Alertmanager config", () => {
    const r = run(amtool!, ["check-config", path.join(dir, "alertmanager.yml")]);
    expect(r.status, r.output).toBe(0);
  });

  it("routes critical alerts to the on-call webhook and warnings to the ticket webhook", () => {
    expect(run(amtool!, ["config", "routes", "test", config, "severity=critical", "alertname=LinkscopeLinkNotFlowing"]).output.trim().split("\n")[0]).toBe("on-call");
    expect(run(amtool!, ["config", "routes", "test", config, "severity=warning", "alertname=LinkscopeMirrorFailed"]).output.trim().split("\n")[0]).toBe("tickets");
  });
});

describe.runIf(promtool === null || amtool === null)("deploy/prometheus example setup without the tools", () => {
  it("says which checks were skipped", () => {
    if (promtool === null && toolRequired()) throw new Error("promtool is not on PATH; CI must install it (apt-get install prometheus)");
    const missing = [promtool === null ? "promtool (apt-get install prometheus)" : null, amtool === null ? "amtool (apt-get install prometheus-alertmanager)" : null];
    console.warn(`skipped checks of deploy/prometheus: not on PATH: ${missing.filter(Boolean).join(", ")}`);
  });
});
