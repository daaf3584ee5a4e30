import { describe, expect, it } from "vitest";
import type { TopologyLink } from "@/lib/domain/types";
import { linkProblemOccurrences } from "./problem-occurrences";

function link(overrides: Partial<TopologyLink>): Pick<TopologyLink, "name" | "flows" | "destination" | "halves" | "problems"> {
  return { name: "l", flows: [], destination: null, halves: [], problems: [], ...overrides };
}

describe("linkProblemOccurrences", () => {
  const problems = [
    { code: "link-error", message: "dr reports TIMEOUT_ERROR" },
    { code: "mirrors-in-error", message: "1 mirror in error: orders (FAILED)" },
  ];

  it("puts a link's problems on the cluster its data flows to", () => {
    const links = [link({ name: "jump-to-dr", flows: [{ from: "jump", to: "dr" }], destination: "dr", problems })];
    expect(linkProblemOccurrences({ links: links as TopologyLink[] })).toEqual([
      { cluster: "dr", link: "jump-to-dr", code: "link-error" },
      { cluster: "dr", link: "jump-to-dr", code: "mirrors-in-error" },
    ]);
  });

  it("puts a bidirectional link's problems on both ends", () => {
    const links = [link({ name: "east-west", flows: [{ from: "us-east", to: "us-west" }, { from: "us-west", to: "us-east" }], problems: problems.slice(0, 1) })];
    expect(linkProblemOccurrences({ links: links as TopologyLink[] })).toEqual([
      { cluster: "us-west", link: "east-west", code: "link-error" },
      { cluster: "us-east", link: "east-west", code: "link-error" },
    ]);
  });

  it("falls back to the destination, then the first visible half, when no flow is known", () => {
    const half = { cluster: "jump", linkMode: "DESTINATION", connectionMode: "OUTBOUND", state: "ACTIVE", error: null, errorMessage: null };
    const links = [link({ name: "a", destination: "dr", problems: problems.slice(0, 1) }), link({ name: "b", halves: [half], problems: problems.slice(0, 1) })];
    expect(linkProblemOccurrences({ links: links as TopologyLink[] })).toEqual([
      { cluster: "dr", link: "a", code: "link-error" },
      { cluster: "jump", link: "b", code: "link-error" },
    ]);
  });
});
