import { describe, expect, it } from "vitest";
import { DEFAULT_MIRROR_TABLE_STATE, mirrorTableSearch, parseMirrorTableState, toggleSort } from "./mirror-table-state";

const parse = (query: string) => parseMirrorTableState(new URLSearchParams(query));

describe("parseMirrorTableState", () => {
  it("gives the defaults for an empty URL", () => {
    expect(parse("")).toEqual(DEFAULT_MIRROR_TABLE_STATE);
  });

  it("reads status, q, sort and dir", () => {
    expect(parse("status=PAUSED&q=orders&sort=maxLag&dir=asc")).toEqual({ status: "PAUSED", q: "orders", sort: "maxLag", dir: "asc" });
  });

  it("accepts statuses it does not know yet, but not junk", () => {
    expect(parse("status=SOME_NEW_STATE").status).toBe("SOME_NEW_STATE");
    expect(parse("status=paused").status).toBeNull();
    expect(parse("status=%3Cscript%3E").status).toBeNull();
  });

  it("falls back to the default for an unknown column, and to the column's natural direction", () => {
    expect(parse("sort=bogus")).toMatchObject({ sort: "status", dir: "desc" });
    expect(parse("sort=name")).toMatchObject({ sort: "name", dir: "asc" });
    expect(parse("sort=totalLag")).toMatchObject({ sort: "totalLag", dir: "desc" });
    expect(parse("sort=name&dir=sideways")).toMatchObject({ dir: "asc" });
  });

  it("caps the search text at a topic name's maximum length", () => {
    expect(parse(`q=${"a".repeat(400)}`).q).toHaveLength(249);
  });
});

describe("mirrorTableSearch", () => {
  it("leaves defaults out of the URL", () => {
    expect(mirrorTableSearch("", DEFAULT_MIRROR_TABLE_STATE)).toBe("");
    expect(mirrorTableSearch("", { ...DEFAULT_MIRROR_TABLE_STATE, sort: "name", dir: "asc" })).toBe("?sort=name");
  });

  it("round-trips through the parser", () => {
    const state = { status: "FAILED", q: "click stream", sort: "timeInState" as const, dir: "asc" as const };
    expect(parse(mirrorTableSearch("", state).slice(1))).toEqual(state);
  });

  it("keeps other widgets' parameters and drops cleared ones", () => {
    expect(mirrorTableSearch("range=6h&status=PAUSED&q=x", DEFAULT_MIRROR_TABLE_STATE)).toBe("?range=6h");
  });

  it("drops a blank search", () => {
    expect(mirrorTableSearch("", { ...DEFAULT_MIRROR_TABLE_STATE, q: "   " })).toBe("");
  });
});

describe("toggleSort", () => {
  it("flips the direction on the same column and starts other columns at their natural direction", () => {
    const s1 = toggleSort(DEFAULT_MIRROR_TABLE_STATE, "status");
    expect(s1).toMatchObject({ sort: "status", dir: "asc" });
    expect(toggleSort(s1, "name")).toMatchObject({ sort: "name", dir: "asc" });
    expect(toggleSort(s1, "maxLag")).toMatchObject({ sort: "maxLag", dir: "desc" });
  });
});
