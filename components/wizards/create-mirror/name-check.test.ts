import { describe, expect, it } from "vitest";
import { checkName } from "./name-check";

const base = {
  prefix: "",
  mirrored: new Set<string>(),
  createdHere: new Set<string>(),
  sourceTopics: new Set(["orders"]),
  source: "primary",
};

describe("checkName", () => {
  it("says OK only for a topic the source's list has", () => {
    expect(checkName("orders", base)).toEqual({ tone: "ok", text: "OK", blocking: false });
    expect(checkName("no-such-topic", base)).toMatchObject({ tone: "warn", text: /primary has no topic of this name/ });
    expect(checkName("no-such-topic", { ...base, sourceTopics: null })).toMatchObject({ tone: "muted", text: /Not checked yet/ });
  });

  it("calls a mirror this page just created 'created', not 'already mirrored'", () => {
    const after = { ...base, mirrored: new Set(["orders"]), createdHere: new Set(["orders"]) };
    expect(checkName("orders", after)).toMatchObject({ tone: "ok", text: "Created just now.", blocking: false });
    expect(checkName("orders", { ...after, createdHere: new Set<string>() })).toMatchObject({
      tone: "err",
      text: "Already mirrored on this link.",
      blocking: true,
    });
  });
});
