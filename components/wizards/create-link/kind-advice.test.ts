import { describe, expect, it } from "vitest";
import type { ClusterSummary } from "@/lib/api/clusters";
import type { LinkStep } from "@/lib/api/link-admin";
import { initialForm } from "./form-model";
import { explainConnectionFailure, kindContradiction, sharedTopicNames } from "./kind-advice";

const clusters: ClusterSummary[] = [
  {
    name: "primary",
    id: "p",
    displayName: "P",
    network: "private",
    region: null,
    status: "ok",
    error: null,
    problems: [],
    asOf: null,
    latencyMs: null,
    lastOkAt: null,
  },
  {
    name: "jump",
    id: "j",
    displayName: "J",
    network: "public",
    region: null,
    status: "ok",
    error: null,
    problems: [],
    asOf: null,
    latencyMs: null,
    lastOkAt: null,
  },
  {
    name: "cloud",
    id: "c",
    displayName: "C",
    network: "public",
    region: null,
    status: "ok",
    error: null,
    problems: [],
    asOf: null,
    latencyMs: null,
    lastOkAt: null,
  },
];

const form = (over: Partial<ReturnType<typeof initialForm>>) => ({ ...initialForm(), name: "l", ...over });
const failed = (error: string): LinkStep => ({
  cluster: "jump",
  half: "destination half",
  role: "destination",
  status: "failed",
  ok: false,
  error,
  attempts: 1,
  request: { method: "POST", path: "/", body: {} },
});

describe("kind advice", () => {
  it("says nothing when the chosen kind is the recommended one", () => {
    expect(kindContradiction(form({ source: "primary", destination: "jump", kind: "source-initiated" }), clusters)).toBeNull();
    expect(kindContradiction(form({ source: "cloud", destination: "jump", kind: "destination-initiated" }), clusters)).toBeNull();
  });

  it("warns, saying why, when a destination-initiated link would have to dial a private source", () => {
    const text = kindContradiction(form({ source: "primary", destination: "jump", kind: "destination-initiated" }), clusters);
    expect(text).toMatch(/recommends source-initiated, not destination-initiated: The source is private/);
  });

  it("warns that a one-way kind cannot carry data both ways", () => {
    const text = kindContradiction(form({ source: "cloud", destination: "jump", kind: "destination-initiated", bothWays: true }), clusters);
    expect(text).toMatch(/must flow both ways, but a destination-initiated link moves data one way only \(cloud → jump\)/);
  });

  it("explains a connection timeout to a private source with the fix: source-initiated", () => {
    const hint = explainConnectionFailure(
      failed("Timed out waiting for a connection to primary.sim.local:9092 (cluster p)."),
      form({ source: "primary", destination: "jump" }),
      clusters,
    );
    expect(hint).toMatch(/primary is in a private network.*Use a source-initiated link instead: primary dials out to jump/);
  });

  it("leaves other failures to the cluster's own words", () => {
    expect(
      explainConnectionFailure(failed("Topic authorization failed."), form({ source: "primary", destination: "jump" }), clusters),
    ).toBeNull();
    expect(
      explainConnectionFailure(
        { ...failed("Timed out waiting for a connection"), status: "ok", ok: true },
        form({ source: "primary", destination: "jump" }),
        clusters,
      ),
    ).toBeNull();
  });

  it("lists topic names both clusters have, internal topics aside", () => {
    const a = [
      { name: "orders", internal: false },
      { name: "_schemas", internal: true },
      { name: "a-only", internal: false },
    ];
    const b = [
      { name: "_schemas", internal: true },
      { name: "orders", internal: false },
    ];
    expect(sharedTopicNames(a, b)).toEqual(["orders"]);
  });
});
