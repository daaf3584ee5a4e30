import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfigText } from "@/lib/config/load";
import { nginxFor, nginxMainConfig, replicasExample } from "./readme-example";

// README's "Running several replicas" example, checked by the tools that will read it: Linkscope's config validation,
// `promtool check config`, `nginx -t`. The two-replica test runs the same nginx file in front of real replicas.

const root = path.resolve(import.meta.dirname, "../..");
const example = replicasExample(root);
const has = (bin: string) => spawnSync("sh", ["-c", `command -v ${bin}`], { stdio: "ignore" }).status === 0;
const tools = { promtool: has("promtool"), nginx: has("nginx"), openssl: has("openssl") };
for (const [tool, present] of Object.entries(tools)) {
  if (present) continue;
  if (process.env.CI === "true") throw new Error(`${tool} is not installed; CI must check README's replicas example with it`);
  console.warn(`SKIPPED: ${tool} is not installed; README's replicas example is not checked with it`);
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "linkscope-readme-"));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("README: running several replicas", () => {
  it("its Linkscope config is valid, shares state in PostgreSQL and reads history from Prometheus", () => {
    const env: Record<string, string> = {
      LINKSCOPE_SESSION_SECRET: "x".repeat(40),
      ALICE_PASSWORD_HASH: "scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
      LINKSCOPE_DATABASE_URL: "postgres://linkscope:secret@db.internal:5432/linkscope",
      PRIMARY_REST_USER: "u",
      PRIMARY_REST_PASSWORD: "p",
      DR_API_KEY: "k",
      DR_API_SECRET: "s",
    };
    const config = parseConfigText(example.config, "README.md", (n) => env[n]);
    expect(config.storage).toEqual({ backend: "postgres", url: env.LINKSCOPE_DATABASE_URL, leaseSeconds: 30 });
    expect(config.history).toMatchObject({ backend: "prometheus", prometheusUrl: "http://prometheus.internal:9090" });
    // Without Prometheus the same file is refused, naming the keys.
    expect(() => parseConfigText(example.config.replace(/history:\n(  .*\n)+/, ""), "README.md", (n) => env[n])).toThrow(/history\.backend: is sqlite while storage\.backend is postgres/);
  });

  it.skipIf(!tools.promtool)("its prometheus.yml passes promtool check config", () => {
    const file = path.join(dir, "prometheus.yml");
    writeFileSync(file, example.prometheus);
    const r = spawnSync("promtool", ["check", "config", file], { encoding: "utf8" });
    expect(r.stdout + r.stderr).toContain("SUCCESS");
    expect(r.status).toBe(0);
  });

  it.skipIf(!tools.nginx || !tools.openssl)("its nginx file passes nginx -t", () => {
    const cert = path.join(dir, "linkscope.crt");
    const key = path.join(dir, "linkscope.key");
    const made = spawnSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost", "-keyout", key, "-out", cert], { encoding: "utf8" });
    expect(made.status).toBe(0);
    const server = nginxFor(example.nginx, { replicas: ["127.0.0.1:9", "127.0.0.1:10"], listen: 8443, cert, key });
    const conf = path.join(dir, "nginx.conf");
    writeFileSync(conf, nginxMainConfig(dir, server));
    const r = spawnSync("nginx", ["-t", "-c", conf, "-p", dir], { encoding: "utf8" });
    expect(r.stderr).toMatch(/test is successful/);
    expect(r.status).toBe(0);
  });
});
