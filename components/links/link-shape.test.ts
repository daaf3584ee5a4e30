import { describe, expect, it } from "vitest";
import { describeEdges, endsOf, linkShapeFromHalf } from "./link-shape";

describe("linkShapeFromHalf (the http-api.md table)", () => {
  it("DESTINATION + OUTBOUND: destination-initiated, C dials S, data S → C", () => {
    expect(linkShapeFromHalf({ cluster: "dr", linkMode: "DESTINATION", connectionMode: "OUTBOUND", remoteCluster: "jump" })).toEqual({
      kind: "destination-initiated",
      connections: [{ from: "dr", to: "jump" }],
      flows: [{ from: "jump", to: "dr" }],
    });
  });

  it("DESTINATION + INBOUND: source-initiated, S dials C, data S → C", () => {
    expect(linkShapeFromHalf({ cluster: "jump", linkMode: "DESTINATION", connectionMode: "INBOUND", remoteCluster: "primary" })).toEqual({
      kind: "source-initiated",
      connections: [{ from: "primary", to: "jump" }],
      flows: [{ from: "primary", to: "jump" }],
    });
  });

  it("SOURCE: source-initiated, C dials D, data C → D", () => {
    const shape = linkShapeFromHalf({ cluster: "primary", linkMode: "SOURCE", connectionMode: "OUTBOUND", remoteCluster: "jump" });
    expect(shape.connections).toEqual([{ from: "primary", to: "jump" }]);
    expect(shape.flows).toEqual([{ from: "primary", to: "jump" }]);
    expect(endsOf(shape)).toEqual(["primary", "jump"]);
  });

  it("BIDIRECTIONAL: data both ways, connection from the OUTBOUND side", () => {
    const shape = linkShapeFromHalf({ cluster: "us-east", linkMode: "BIDIRECTIONAL", connectionMode: "INBOUND", remoteCluster: "us-west" });
    expect(shape.connections).toEqual([{ from: "us-west", to: "us-east" }]);
    expect(describeEdges(shape.flows)).toBe("us-west → us-east and us-east → us-west");
  });

  it("names an unknown remote plainly", () => {
    expect(linkShapeFromHalf({ cluster: "a", linkMode: "DESTINATION", connectionMode: "OUTBOUND", remoteCluster: null }).flows).toEqual([
      { from: "remote cluster", to: "a" },
    ]);
  });
});
