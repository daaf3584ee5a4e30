import { describe, expect, it } from "vitest";
import { linkArrows, recommendLinkKind } from "./link-recommendation";

describe("recommendLinkKind", () => {
  it("private destination + reachable source → destination-initiated", () => {
    expect(recommendLinkKind({ source: "public", destination: "private", activeActive: false })).toMatchObject({
      kind: "destination-initiated",
      warning: null,
    });
  });
  it("the destination cannot reach a private source → source-initiated (the seed's primary → jump)", () => {
    expect(recommendLinkKind({ source: "private", destination: "public", activeActive: false })).toMatchObject({
      kind: "source-initiated",
      warning: null,
    });
  });
  it("two private clusters → source-initiated with a warning about chaining through a public cluster", () => {
    expect(recommendLinkKind({ source: "private", destination: "private", activeActive: false })).toMatchObject({
      kind: "source-initiated",
      warning: expect.stringContaining("public cluster"),
    });
  });
  it("active-active → bidirectional (warns when one side is private)", () => {
    expect(recommendLinkKind({ source: "public", destination: "public", activeActive: true })).toMatchObject({
      kind: "bidirectional",
      warning: null,
    });
    expect(recommendLinkKind({ source: "private", destination: "public", activeActive: true }).warning).not.toBeNull();
  });
  it("unknown zones and public/public → the default, destination-initiated", () => {
    expect(recommendLinkKind({ source: null, destination: null, activeActive: false }).kind).toBe("destination-initiated");
    expect(recommendLinkKind({ source: "public", destination: "public", activeActive: false }).kind).toBe("destination-initiated");
  });
});

describe("linkArrows", () => {
  it("separates who connects from which way data flows", () => {
    expect(linkArrows("destination-initiated")).toEqual({ connections: ["to-source"], flows: ["to-destination"] });
    expect(linkArrows("source-initiated")).toEqual({ connections: ["to-destination"], flows: ["to-destination"] });
    expect(linkArrows("bidirectional").flows).toHaveLength(2);
  });
});
