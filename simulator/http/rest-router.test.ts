import { describe, expect, it } from "vitest";
import { matchRoute } from "./rest-router";

describe("REST routing", () => {
  it("matches colon actions as literal text", () => {
    const m = matchRoute("POST", "/kafka/v3/clusters/lkc-1/links/my.link/mirrors:promote");
    expect(m).toMatchObject({ kind: "match", id: "promote", params: { cluster_id: "lkc-1", link_name: "my.link" } });
    expect(matchRoute("POST", "/kafka/v3/clusters/lkc-1/links/l/mirrors%3Apromote")).toEqual({ kind: "not-found" });
    expect(matchRoute("PUT", "/kafka/v3/clusters/c/links/l/configs:alter")).toMatchObject({ kind: "match", id: "linkConfigsAlter" });
  });

  it("answers 405 shapes for known paths with the wrong method", () => {
    expect(matchRoute("POST", "/kafka/v3/clusters/c/links/l/configs:alter")).toMatchObject({
      kind: "method-not-allowed",
      allowed: ["PUT"],
    });
    expect(matchRoute("POST", "/kafka/v3/clusters/c/links/l")).toMatchObject({ kind: "method-not-allowed" });
  });

  it("routes links/-/mirrors to the all-links listing and decodes names", () => {
    expect(matchRoute("GET", "/kafka/v3/clusters/c/links/-/mirrors")).toMatchObject({ id: "allMirrors" });
    expect(matchRoute("GET", "/kafka/v3/clusters/c/links/l/mirrors/west.orders%2Dx")).toMatchObject({
      params: { mirror_topic_name: "west.orders-x" },
    });
    expect(matchRoute("GET", "/kafka/v3/clusters/c/links//mirrors")).toEqual({ kind: "not-found" });
  });
});
