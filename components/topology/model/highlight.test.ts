import { describe, expect, it } from "vitest";
import { bidirectionalPair, mixedFleet, seedChain } from "../fixtures/topologies";
import { chainRoleOf, highlightOf } from "./highlight";

describe("highlightOf", () => {
  it("selecting jump highlights primary upstream and dr downstream, and both links", () => {
    const t = seedChain();
    const h = highlightOf(t, "jump")!;
    expect(h.upstream).toEqual(["primary"]);
    expect(h.downstream).toEqual(["dr"]);
    expect([...h.links].map((id) => id.split("@")[0]).sort()).toEqual(["jump-to-dr", "primary-to-jump"]);
    expect(chainRoleOf(h, "jump")).toBe("selected");
    expect(chainRoleOf(h, "primary")).toBe("upstream");
    expect(chainRoleOf(h, "dr")).toBe("downstream");
  });

  it("selecting primary shows the whole chain downstream: jump, then dr", () => {
    const h = highlightOf(seedChain(), "primary")!;
    expect(h.upstream).toEqual([]);
    expect(h.downstream).toEqual(["jump", "dr"]);
  });

  it("leaves other groups outside the chain", () => {
    const h = highlightOf(mixedFleet(), "jump")!;
    expect(chainRoleOf(h, "us-east")).toBe("outside");
    expect(h.links.size).toBe(2);
  });

  it("a bidirectional partner is both upstream and downstream", () => {
    const h = highlightOf(bidirectionalPair(), "us-east")!;
    expect(chainRoleOf(h, "us-west")).toBe("both");
  });

  it("nothing selected, or an unknown cluster: no highlight", () => {
    expect(highlightOf(seedChain(), null)).toBeNull();
    expect(highlightOf(seedChain(), "gone")).toBeNull();
    expect(chainRoleOf(null, "jump")).toBeNull();
  });
});
