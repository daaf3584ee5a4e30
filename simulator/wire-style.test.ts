// The "go" wire style: answers serialized the way Go's encoding/json writes the vendor SDK's structs (empty lists `null`,
// `kind` ""), switched per cluster through the admin API, and still the vendor's answers apart from those nil slices.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VENDOR_REFS_TAG } from "../test/contract/refs-location";
import { validateResponse } from "../test/contract/vendor-spec";
import { goEncoded } from "./http/wire-style";
import { startHarness, type Harness } from "./test-support/harness";
import type { Exchange } from "./test-support/rest-client";
import { jaasFor, pair } from "./test-support/scenarios";

describe("goEncoded", () => {
  it("writes every empty list as null and every kind as an empty string, and leaves the rest alone", () => {
    const java = {
      kind: "KafkaLinkDataList",
      metadata: { self: "http://x/links", next: null },
      data: [{ kind: "KafkaLinkData", link_name: "", topic_names: [], tasks: [{ task_name: "AclSync", errors: [] }], count: 0 }],
    };
    expect(goEncoded(java)).toEqual({
      kind: "",
      metadata: { self: "http://x/links", next: null },
      data: [{ kind: "", link_name: "", topic_names: null, tasks: [{ task_name: "AclSync", errors: null }], count: 0 }],
    });
    expect(goEncoded({ kind: "KafkaMirrorDataList", metadata: { self: "s", next: null }, data: [] })).toMatchObject({ data: null });
  });
});

let h: Harness;
const goAnswers: Exchange[] = [];

/** A source-initiated link whose destination half was deleted: the source keeps its SOURCE half and a nameless leftover. */
async function leaveUnmanagedSource(): Promise<void> {
  const src = h.rest("src");
  const dst = h.rest("dst");
  await dst.post(`${h.base("dst")}/links?link_name=s-link`, {
    source_cluster_id: h.id("src"),
    configs: [
      { name: "link.mode", value: "DESTINATION" },
      { name: "connection.mode", value: "INBOUND" },
    ],
  });
  const created = await src.post(`${h.base("src")}/links?link_name=s-link`, {
    destination_cluster_id: h.id("dst"),
    configs: [
      { name: "link.mode", value: "SOURCE" },
      { name: "bootstrap.servers", value: "dst.sim.local:9092" },
      { name: "sasl.jaas.config", value: jaasFor("dst") },
      { name: "local.sasl.jaas.config", value: jaasFor("src") },
    ],
  });
  expect(created.status).toBe(204);
  expect((await dst.delete(`${h.base("dst")}/links/s-link?force=true`)).status).toBe(204);
}

async function goGet(cluster: string, path: string): Promise<Exchange> {
  const ex = await h.rest(cluster).get(`${h.base(cluster)}${path}`);
  goAnswers.push(ex);
  return ex;
}

beforeAll(async () => {
  h = await startHarness(pair());
  await leaveUnmanagedSource();
  for (const cluster of ["src", "dst"]) {
    const switched = await h.admin("PUT", `/clusters/${cluster}/wire`, { style: "go" });
    expect(switched).toEqual({ status: 200, body: { style: "go" } });
  }
});
afterAll(async () => {
  await h.stop();
});

describe("a cluster switched to the go wire style", () => {
  it("lists the nameless UNMANAGED_SOURCE row and the source half with topic_names null and kind empty", async () => {
    const ex = await goGet("src", "/links");
    const body = ex.body as { kind: string; data: Array<Record<string, unknown>> };
    expect(body.kind).toBe("");
    expect(body.data.map((row) => [row.link_name, row.topic_names, row.kind])).toEqual([
      ["s-link", null, ""],
      ["", null, ""],
    ]);
    expect(body.data[1]?.link_state).toBe("UNMANAGED_SOURCE");
  });

  it("answers the source half's tasks as null and an empty mirror list with data null", async () => {
    const link = (await goGet("src", "/links/s-link?include_tasks=true")).body as Record<string, unknown>;
    expect(link.tasks).toBeNull();
    const mirrors = (await goGet("src", "/links/-/mirrors")).body as Record<string, unknown>;
    expect(mirrors.data).toBeNull();
    await goGet("dst", "/links");
    await goGet("src", "/links/s-link/configs");
    await goGet("src", "/topics");
    await goGet("src", "");
  });

  it("says which style it is in, and goes back to Java's on request", async () => {
    expect((await h.admin("GET", "/clusters/dst/wire")).body).toEqual({ style: "go" });
    expect((await h.admin("PUT", "/clusters/dst/wire", { style: "rust" })).status).toBe(400);
    await h.admin("PUT", "/clusters/dst/wire", { style: "java" });
    const ex = await h.rest("dst").get(`${h.base("dst")}/links`);
    expect(ex.body).toMatchObject({ kind: "KafkaLinkDataList", data: [] });
    await h.admin("PUT", "/clusters/dst/wire", { style: "go" });
  });
});

describe("vendor contract of the go wire style", { tags: [VENDOR_REFS_TAG] }, () => {
  const check = (dialect: "spec" | "go") =>
    goAnswers.flatMap((ex) =>
      validateResponse(
        { method: ex.method, path: ex.path, status: ex.status, body: ex.body, ...(ex.contentType ? { contentType: ex.contentType } : {}) },
        dialect,
      ),
    );

  it("its answers are the vendor's apart from nil slices: the spec with null allowed for arrays accepts every one", () => {
    expect(goAnswers.length).toBeGreaterThan(5);
    expect(check("go")).toEqual([]);
    // ...and the nil slices are really there: the spec as written rejects them.
    expect(check("spec").join("\n")).toMatch(/topic_names must be array/);
  });
});
