import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { freePort } from "@/test/support/postgres-server";
import { storageHealth } from "@/lib/server/store/health";
import { PostgresStore } from "@/lib/server/store/postgres-store";

// GET /api/health with the default SQLite store, and what it says of a PostgreSQL that does not answer. The real
// PostgreSQL going down under two replicas is in test/replicas/two-replicas.test.ts.

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "linkscope-health-"));
  const config = path.join(dir, "linkscope.config.yaml");
  writeFileSync(config, ["clusters:", "  - name: dr", "    restUrl: http://127.0.0.1:9"].join("\n"));
  process.env.LINKSCOPE_CONFIG = config;
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("GET /api/health", () => {
  it("reports the storage backend and that it is reachable", async () => {
    const { GET } = await import("./route");
    const res = await GET();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", storage: { backend: "sqlite", reachable: true } });
  });

  it("says an unreachable PostgreSQL is unreachable, quickly, without its URL or password anywhere", async () => {
    const warnings: string[] = [];
    const url = `postgres://linkscope:hunter2-pg-secret@127.0.0.1:${await freePort()}/linkscope`;
    const store = new PostgresStore({ url, warn: (l) => warnings.push(l), timeoutMs: 1000 });
    const spy = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(await storageHealth(store)).toEqual({ backend: "postgres", reachable: false });
    const err = await store.ping().then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/^cannot use PostgreSQL at 127\.0\.0\.1:\d+\/linkscope \(ECONNREFUSED\)$/);
    expect(JSON.stringify([(err as Error).message, warnings, spy.mock.calls])).not.toContain("hunter2");
    await store.close();
  });
});
