// Bundled scenarios: they load, listen in scenario order, write a config the dashboard accepts, and are deterministic.
import { spawn } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { LinkscopeConfigSchema } from "../lib/config/schema";
import { startSimulator } from "./index";
import { bundledScenarioNames, loadScenario, ScenarioError } from "./scenario/load";
import { answerConformance } from "./test-support/contract";
import { startHarness, T0 } from "./test-support/harness";
import { body, maxLag, type LinkJson, type ListJson, type MirrorJson } from "./test-support/wire";

describe("bundled scenarios", () => {
  it.each(bundledScenarioNames())("%s starts, listens on base-port + i, and writes a valid Linkscope config", async (name) => {
    const scenario = loadScenario(name);
    const sim = await startSimulator({ scenario: name, basePort: 0, adminPort: 0, clock: "manual", startTime: T0 });
    try {
      expect(sim.clusters.map((c) => c.name)).toEqual(scenario.clusters.map((c) => c.name));
      const cfg = LinkscopeConfigSchema.parse(parse(sim.configYaml()));
      expect(cfg.clusters.map((c) => [c.name, c.id, c.restUrl, c.bootstrap])).toEqual(sim.clusters.map((c) => [c.name, c.id, c.restUrl, c.bootstrap]));
      expect(cfg.clusters.every((c) => c.auth.type === "basic")).toBe(true);
      for (const c of sim.clusters) {
        const headers = { authorization: `Basic ${Buffer.from(`${c.username}:${c.password}`).toString("base64")}` };
        expect((await fetch(`${c.restUrl}/kafka/v3/clusters/${c.id}`, { headers })).status).toBe(200);
        // Every half of every link is healthy at t0 (credentials, bootstraps and directions all line up).
        const links = (await (await fetch(`${c.restUrl}/kafka/v3/clusters/${c.id}/links`, { headers })).json()) as ListJson<LinkJson>;
        for (const l of links.data) expect([c.name, l.link_name, l.link_state, l.link_error]).toEqual([c.name, l.link_name, "ACTIVE", "NO_ERROR"]);
      }
    } finally {
      await sim.stop();
    }
  });

  it("uses consecutive ports from --base-port in scenario order", async () => {
    const sim = await startSimulator({ scenario: "hybrid", basePort: 38_190, adminPort: 38_189, clock: "manual" });
    try {
      expect(sim.clusters.map((c) => [c.name, c.port])).toEqual([
        ["onprem", 38_190],
        ["cloud", 38_191],
      ]);
      expect(sim.adminUrl).toBe("http://127.0.0.1:38189");
    } finally {
      await sim.stop();
    }
  });

  it("is deterministic: the same scenario and clock give the same answers", async () => {
    const snapshot = async () => {
      const h = await startHarness("active-active");
      await h.advance(12_345);
      const links = (await h.rest("us-east").get(`${h.base("us-east")}/links`)).body;
      const mirrors = (await h.rest("us-west").get(`${h.base("us-west")}/links/-/mirrors`)).body;
      await h.stop();
      return JSON.stringify({ links, mirrors }).replace(/127\.0\.0\.1:\d+/g, "HOST");
    };
    expect(await snapshot()).toBe(await snapshot());
  });

  it("reports scenario errors with the offending key", () => {
    expect(() => loadScenario("no-such-scenario")).toThrow(ScenarioError);
    expect(() =>
      loadScenario({ name: "x", clusters: [{ name: "a", displayName: "A", id: "lkc-aaaa", network: "public", region: "r", cloud: "c", credentials: { apiKey: "k", apiSecret: "s" } }], links: [{ name: "l", cluster: "a", remote: "zz" }] }),
    ).toThrow(/links\.0\.remote: unknown cluster zz/);
  });
});

const wire = answerConformance();

describe("the demo fleet's trouble", () => {
  it("has a paused mirror, a mirror falling far behind, a FAILED mirror and a task in error", async () => {
    const h = await startHarness("demo");
    try {
      const west = body<MirrorJson>(await h.rest("us-west").get(`${h.base("us-west")}/links/east-west/mirrors/east.payments`), 200);
      expect(west.mirror_status).toBe("PAUSED");
      const lag0 = maxLag(body<MirrorJson>(await h.rest("cloud").get(`${h.base("cloud")}/links/onprem-to-cloud/mirrors/clickstream`), 200));
      await h.advance(60_000);
      const lag1 = maxLag(body<MirrorJson>(await h.rest("cloud").get(`${h.base("cloud")}/links/onprem-to-cloud/mirrors/clickstream`), 200));
      expect(lag0).toBeGreaterThan(10_000);
      expect(lag1 - lag0).toBeGreaterThan(1_000);
      const failed = body<MirrorJson>(await h.rest("cloud").get(`${h.base("cloud")}/links/onprem-to-cloud/mirrors/legacy_audit`), 200);
      expect(failed).toMatchObject({ mirror_status: "FAILED", mirror_topic_error: "SOURCE_TOPIC_MAY_BE_DELETED" });
      const dr = body<LinkJson>(await h.rest("dr").get(`${h.base("dr")}/links/jump-to-dr?include_tasks=true`), 200);
      expect(dr.tasks?.find((t) => t.task_name === "AclSync")).toMatchObject({ state: "IN_ERROR", errors: [{ error_code: "MISCONFIGURATION_ERROR" }] });
      const all = body<ListJson<LinkJson>>(await h.rest("cloud").get(`${h.base("cloud")}/links`), 200);
      const counts = Object.fromEntries((all.data[0]?.category_counts ?? []).map((c) => [c.state_category, c.count]));
      expect(counts).toMatchObject({ IN_ERROR: 3, ACTIVE: 6 + 3 + 12 });
      wire.record("the demo fleet's trouble", h.exchanges);
    } finally {
      await h.stop();
    }
  });
});

describe("CLI", () => {
  it("prints one line per cluster and the admin URL, writes the config, and stops on SIGTERM", async () => {
    const root = path.resolve(import.meta.dirname, "..");
    const configFile = path.join(root, "node_modules", ".cache", `sim-cli-${process.pid}.yaml`);
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "simulator/cli.ts", "--scenario", "seed-dr-chain", "--base-port", "0", "--admin-port", "0", "--manual-clock", "--write-config", configFile],
      { cwd: root, stdio: ["ignore", "pipe", "pipe"] },
    );
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`CLI did not start:\n${out}`)), 15_000);
      child.stdout.on("data", () => {
        if (out.includes("config ")) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    const lines = out.trim().split("\n");
    expect(lines[0]).toMatch(/^primary\s+lkc-p7rm1q\s+http:\/\/127\.0\.0\.1:\d+$/);
    expect(lines[1]).toMatch(/^jump\s+lkc-j4mp2x\s+http:/);
    expect(lines[2]).toMatch(/^dr\s+lkc-d9r3kv\s+http:/);
    expect(lines[3]).toMatch(/^admin\s+http:\/\/127\.0\.0\.1:\d+$/);
    const exit = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    child.kill("SIGTERM");
    expect(await exit).toBe(0);
    expect(existsSync(configFile)).toBe(true);
    rmSync(configFile, { force: true });
  }, 20_000);
});

wire.declareTest();
