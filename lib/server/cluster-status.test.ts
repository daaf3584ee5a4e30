import { describe, expect, it } from "vitest";
import type { ClusterConfig } from "@/lib/config/schema";
import { ConfluentError } from "@/lib/confluent/errors";
import { checkClusterStatus, type ClusterProbe } from "./cluster-status";

const cluster = (over: Partial<ClusterConfig> = {}): ClusterConfig => ({
  name: "jump",
  restUrl: "http://127.0.0.1:1",
  auth: { type: "none" },
  timeoutMs: 1000,
  ...over,
});

const probe = (over: Partial<ClusterProbe>): ClusterProbe => ({
  get: async () => ({}),
  listIds: async () => ["lkc-1"],
  ...over,
});

describe("checkClusterStatus", () => {
  it("is ok when the configured id is served, and fills display defaults", async () => {
    const s = await checkClusterStatus(cluster({ id: "lkc-1", network: "public" }), probe({}));
    expect(s).toEqual({ name: "jump", id: "lkc-1", displayName: "jump", network: "public", region: null, status: "ok", error: null, problems: [], asOf: null, latencyMs: null, lastOkAt: null });
  });

  it("discovers the id when none is configured", async () => {
    expect((await checkClusterStatus(cluster(), probe({ listIds: async () => ["abc"] }))).id).toBe("abc");
  });

  it.each([
    ["unreachable", "unreachable"],
    ["timeout", "unreachable"],
    ["unauthorized", "unauthorized"],
    ["forbidden", "unauthorized"],
    ["upstream", "error"],
    ["malformed", "error"],
  ] as const)("maps a %s failure to status %s with a sentence", async (kind, status) => {
    const failing = probe({ get: async () => Promise.reject(new ConfluentError(kind, "Something happened.")) });
    const s = await checkClusterStatus(cluster({ id: "lkc-1" }), failing);
    expect(s.status).toBe(status);
    expect(s.error).toMatch(/^Something happened\./);
  });

  it("says so when the endpoint does not serve the configured id", async () => {
    const s = await checkClusterStatus(cluster({ id: "lkc-9" }), probe({ get: async () => Promise.reject(new ConfluentError("not-found", "nope")) }));
    expect(s).toMatchObject({ status: "error", error: expect.stringContaining("does not serve cluster lkc-9") });
  });

  it("asks for an id when the endpoint serves several clusters", async () => {
    const s = await checkClusterStatus(cluster(), probe({ listIds: async () => ["a", "b"] }));
    expect(s).toMatchObject({ status: "error", error: expect.stringContaining("set the id of jump") });
  });

  it("never lets an unexpected error's text through", async () => {
    const s = await checkClusterStatus(cluster({ id: "x" }), probe({ get: async () => Promise.reject(new Error("password=hunter2")) }));
    expect(s.error).not.toContain("hunter2");
  });
});
