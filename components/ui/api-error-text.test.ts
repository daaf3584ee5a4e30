import { describe, expect, it } from "vitest";
import { ApiRequestError } from "@/lib/client/fetch-json";
import { describeApiError } from "./api-error-text";

describe("describeApiError", () => {
  it("names the unreachable cluster and says the data will come back", () => {
    const text = describeApiError(new ApiRequestError(503, "cluster-unreachable", "connect ECONNREFUSED 127.0.0.1:28093"), {
      cluster: "onprem",
      what: "the mirrors",
    });
    expect(text.title).toBe("Cluster onprem is unreachable.");
    expect(text.detail).toContain("ECONNREFUSED");
    expect(text.advice).toMatch(/the mirrors will appear again as soon as onprem answers/);
    expect(text.transient).toBe(true);
  });

  it("treats not-found as permanent and points to a way out", () => {
    const text = describeApiError(new ApiRequestError(404, "not-found", 'cloud hosts no cluster link named "x".'), {
      cluster: "cloud",
      what: "link x",
    });
    expect(text.transient).toBe(false);
    expect(text.detail).toContain("no cluster link");
    expect(text.advice).toMatch(/cluster's page/);
  });

  it("handles a lost server and unknown errors", () => {
    expect(describeApiError(new ApiRequestError(0, "network-error", "x"), { what: "the link" }).title).toBe(
      "Cannot reach the Linkscope server.",
    );
    expect(describeApiError(new Error("boom"), { what: "the link" }).title).toBe("Could not load the link.");
    expect(describeApiError(new ApiRequestError(504, "upstream-timeout", "slow"), { cluster: "dr", what: "the link" }).title).toBe(
      "Cluster dr did not answer in time.",
    );
  });
});
