import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfigFile, parseConfigText } from "./load";

const env = (vars: Record<string, string>) => (name: string) => vars[name];

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  throw new Error("expected a ConfigError");
}

const minimal = `
clusters:
  - name: primary
    restUrl: http://127.0.0.1:18090
`;

describe("parseConfigText", () => {
  it("applies defaults to a minimal file", () => {
    const cfg = parseConfigText(minimal, "x.yaml", env({}));
    expect(cfg.pollIntervalSeconds).toBe(10);
    expect(cfg.readOnly).toBe(false);
    expect(cfg.auth.mode).toBe("none");
    expect(cfg.history.backend).toBe("sqlite");
    expect(cfg.clusters[0]).toMatchObject({ name: "primary", auth: { type: "none" }, timeoutMs: 5000 });
    expect(cfg.rpoSeconds).toBe(300);
    expect(cfg.links).toEqual([]);
  });

  it("reads RPO budgets per link and names bad ones", () => {
    const good = parseConfigText(`${minimal}rpoSeconds: 600\nlinks: [{name: a-to-b, rpoSeconds: 60}, {name: a-to-b, cluster: primary, rpoSeconds: 30}]\n`, "x.yaml", env({}));
    expect(good.rpoSeconds).toBe(600);
    expect(good.links).toEqual([{ name: "a-to-b", rpoSeconds: 60 }, { name: "a-to-b", cluster: "primary", rpoSeconds: 30 }]);
    const problems = problemsOf(() =>
      parseConfigText(
        `${minimal}rpoSeconds: 0\nlinks: [{name: x, cluster: nowhere, rpoSeconds: 60}, {name: y, rpoSeconds: 1}, {name: y, rpoSeconds: 2}, {name: z}]\n`,
        "x.yaml",
        env({}),
      ),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        "rpoSeconds: must be a number of seconds above 0",
        "links[3].rpoSeconds: Invalid input: expected number, received undefined",
      ]),
    );
    const refined = problemsOf(() =>
      parseConfigText(`${minimal}links: [{name: x, cluster: nowhere, rpoSeconds: 60}, {name: y, rpoSeconds: 1}, {name: y, rpoSeconds: 2}]\n`, "x.yaml", env({})),
    );
    expect(refined).toEqual(['links[0].cluster: "nowhere" is not a configured cluster', 'links[2].name: link "y" is listed twice (also links[1])']);
  });

  // biome-ignore lint/suspicious/noTemplateCurlyInString: ${NAME} is the config file's environment substitution, written literally
  it("replaces ${ENV} inside values and keeps $${ENV} literal", () => {
    const cfg = parseConfigText(
      `clusters:
  - name: cloud
    restUrl: https://pkc-1.confluent.cloud/\${PREFIX}
    auth: { type: basic, username: "\${KEY}", password: "p-\${SECRET}-$\${SECRET}" }
`,
      "x.yaml",
      env({ KEY: "ABC", SECRET: "s3cr3t", PREFIX: "rest" }),
    );
    expect(cfg.clusters[0]?.restUrl).toBe("https://pkc-1.confluent.cloud/rest");
    // biome-ignore lint/suspicious/noTemplateCurlyInString: ${NAME} is the config file's environment substitution, written literally
    expect(cfg.clusters[0]?.auth).toEqual({ type: "basic", username: "ABC", password: "p-s3cr3t-${SECRET}" });
  });

  it("names the key and the variable when an environment variable is missing, without its value", () => {
    const problems = problemsOf(() =>
      parseConfigText(
        `clusters:
  - name: cloud
    restUrl: https://x
    auth: { type: bearer, token: "\${TOKEN}" }
`,
        "x.yaml",
        env({}),
      ),
    );
    // biome-ignore lint/suspicious/noTemplateCurlyInString: ${NAME} is the config file's environment substitution, written literally
    expect(problems).toEqual(["clusters[0].auth.token: environment variable TOKEN is not set (referenced as ${TOKEN})"]);
  });

  it("names every bad key in one go", () => {
    const problems = problemsOf(() =>
      parseConfigText(
        `pollIntervalSeconds: 0
clusters:
  - name: Bad Name
    restUrl: ftp://x
  - name: ok
    restUrl: http://x
    auth: { type: basic, username: u }
    network: dmz
    colour: blue
`,
        "x.yaml",
        env({}),
      ),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^pollIntervalSeconds: /),
        expect.stringMatching(/^clusters\[0\]\.name: must be a slug/),
        expect.stringMatching(/^clusters\[0\]\.restUrl: must be an http/),
        expect.stringMatching(/^clusters\[1\]\.auth\.password: /),
        expect.stringMatching(/^clusters\[1\]\.network: /),
        expect.stringMatching(/^clusters\[1\]: .*colour/),
      ]),
    );
  });

  it("requires a Prometheus URL for the Prometheus history backend", () => {
    const problems = problemsOf(() => parseConfigText(`${minimal}history: { backend: prometheus }\n`, "x.yaml", env({})));
    expect(problems).toEqual(["history.prometheusUrl: is required when history.backend is prometheus"]);
  });

  it("keeps the shared state in SQLite by default and reads a PostgreSQL URL from the environment", () => {
    expect(parseConfigText(minimal, "x.yaml", env({})).storage).toEqual({ backend: "sqlite", leaseSeconds: 30 });
    const cfg = parseConfigText(
      `${minimal}storage: { backend: postgres, url: "\${DB_URL}" }\nhistory: { backend: prometheus, prometheusUrl: "http://prom:9090" }\n`,
      "x.yaml",
      env({ DB_URL: "postgres://linkscope:s3cr3t@db:5432/linkscope" }),
    );
    expect(cfg.storage).toEqual({ backend: "postgres", url: "postgres://linkscope:s3cr3t@db:5432/linkscope", leaseSeconds: 30 });
  });

  it("names storage.url when PostgreSQL has none or a bad one, without echoing the value", () => {
    const history = "history: { backend: prometheus, prometheusUrl: 'http://prom:9090' }\n";
    expect(problemsOf(() => parseConfigText(`${minimal}${history}storage: { backend: postgres }\n`, "x.yaml", env({})))).toEqual([
      "storage.url: is required when storage.backend is postgres (e.g. url: ${LINKSCOPE_DATABASE_URL})",
    ]);
    const bad = problemsOf(() => parseConfigText(`${minimal}${history}storage: { backend: postgres, url: "mysql://u:hunter2@db" }\n`, "x.yaml", env({})));
    expect(bad).toEqual(["storage.url: must be a postgres:// or postgresql:// URL"]);
    expect(problemsOf(() => parseConfigText(`${minimal}storage: { url: "postgres://db/x" }\n`, "x.yaml", env({})))).toEqual([
      "storage.url: is set but storage.backend is sqlite; set storage.backend: postgres to use it",
    ]);
  });

  it("refuses per-replica SQLite history with shared PostgreSQL storage unless history.allowPerReplica says so", () => {
    const storage = "storage: { backend: postgres, url: 'postgres://db/linkscope' }\n";
    const problems = problemsOf(() => parseConfigText(`${minimal}${storage}`, "x.yaml", env({})));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^history\.backend: is sqlite while storage\.backend is postgres: .*history\.backend: prometheus .*history\.allowPerReplica: true/);
    const accepted = parseConfigText(`${minimal}${storage}history: { allowPerReplica: true }\n`, "x.yaml", env({}));
    expect(accepted.history).toMatchObject({ backend: "sqlite", allowPerReplica: true });
  });

  it("rejects duplicate cluster names", () => {
    const problems = problemsOf(() =>
      parseConfigText(`clusters: [{name: a, restUrl: "http://x"}, {name: a, restUrl: "http://y"}]`, "x.yaml", env({})),
    );
    expect(problems).toEqual(['clusters[1].name: duplicate cluster name "a" (also clusters[0])']);
  });

  it("reports YAML syntax errors with a position", () => {
    const problems = problemsOf(() => parseConfigText("clusters: [\n  - name: x", "x.yaml", env({})));
    expect(problems[0]).toMatch(/^not valid YAML at line \d+, column \d+/);
  });

  it("reports an empty file", () => {
    expect(problemsOf(() => parseConfigText("", "x.yaml", env({})))).toEqual([
      "the file is empty; list at least one cluster under `clusters:`",
    ]);
  });
});

describe("loadConfigFile", () => {
  it("reads a file and explains a missing one", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "linkscope-config-"));
    const file = path.join(dir, "c.yaml");
    writeFileSync(file, minimal);
    expect(loadConfigFile(file).config.clusters).toHaveLength(1);
    expect(loadConfigFile(file).config.history.path).toBe(path.join(dir, "data", "history.db"));
    const problems = problemsOf(() => loadConfigFile(path.join(dir, "missing.yaml")));
    expect(problems[0]).toMatch(/does not exist \(set LINKSCOPE_CONFIG/);
  });
});
