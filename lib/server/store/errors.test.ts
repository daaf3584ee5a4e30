import { describe, expect, it, vi } from "vitest";

describe("AuditUnavailableError", () => {
  it("is recognised by instanceof across copies of the module (Next bundles each route and instrumentation apart)", async () => {
    const first = await import("./errors");
    vi.resetModules();
    const second = await import("./errors");
    expect(second.AuditUnavailableError).not.toBe(first.AuditUnavailableError);
    expect(new second.AuditUnavailableError("down")).toBeInstanceOf(first.AuditUnavailableError);
    expect(new first.AuditUnavailableError("down")).toBeInstanceOf(Error);
    expect(new Error("other")).not.toBeInstanceOf(first.AuditUnavailableError);
  });
});
