import { describe, expect, it } from "vitest";
import { VENDOR_REFS_TAG } from "../contract/refs-location";
import { validateResponse } from "../contract/vendor-spec";
import { legacyActionResults, linkList, platformLink } from "./bodies";

const C = "/kafka/v3/clusters/cluster-1";

describe("the project's own test answers", { tags: [VENDOR_REFS_TAG] }, () => {
  it("a link list conforms to the Confluent Cloud spec", () => {
    expect(validateResponse({ method: "GET", path: `${C}/links`, status: 200, body: linkList() })).toEqual([]);
  });

  it("an older Platform's link conforms too (it omits only what the spec leaves optional)", () => {
    expect(validateResponse({ method: "GET", path: `${C}/links/dr-link`, status: 200, body: platformLink("dr-link") })).toEqual([]);
  });

  it("an older Platform's action answer is what the spec documents for promote-local-and-start-remote-mirror", () => {
    const body = legacyActionResults("dr-link", ["orders", "payments"]);
    expect(validateResponse({ method: "POST", path: `${C}/links/dr-link/mirrors:promote-local-and-start-remote-mirror`, status: 200, body })).toEqual([]);
  });
});
