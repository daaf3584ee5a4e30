import { describe, expect, it } from "vitest";
import { DEFAULT_URL_STATE, parseTopologyParams, writeTopologyParams } from "./url-state";

describe("topology URL state", () => {
  it("reads defaults from an empty query", () => {
    expect(parseTopologyParams(new URLSearchParams())).toEqual(DEFAULT_URL_STATE);
  });

  it("reads search, problems only, table view and the selected cluster", () => {
    expect(parseTopologyParams(new URLSearchParams("q=jump&problems=1&view=table&cluster=dr"))).toEqual({
      q: "jump",
      problemsOnly: true,
      view: "table",
      selected: "dr",
    });
    expect(parseTopologyParams(new URLSearchParams("view=nonsense&problems=0")).view).toBe("graph");
  });

  it("writes only what differs from the defaults and keeps other parameters", () => {
    const base = parseTopologyParams(new URLSearchParams("keep=1"));
    expect(writeTopologyParams("keep=1", { q: "east west", problemsOnly: true }, base)).toBe("?keep=1&q=east+west&problems=1");
    expect(
      writeTopologyParams("q=x&problems=1", { q: "", problemsOnly: false }, parseTopologyParams(new URLSearchParams("q=x&problems=1"))),
    ).toBe("");
  });

  it("round-trips", () => {
    const state = { q: "dr", problemsOnly: true, view: "table" as const, selected: "jump" };
    const query = writeTopologyParams("", state, DEFAULT_URL_STATE);
    expect(parseTopologyParams(new URLSearchParams(query))).toEqual(state);
  });
});
