import { describe, expect, it } from "vitest";
import { rpoBudgetSeconds } from "./rpo-budgets";

describe("rpoBudgetSeconds", () => {
  const settings = {
    rpoSeconds: 300,
    links: [
      { name: "east-west", rpoSeconds: 120 },
      { name: "east-west", cluster: "us-west", rpoSeconds: 30 },
    ],
  };

  it("takes the entry naming the link and its hosting cluster first", () => {
    expect(rpoBudgetSeconds(settings, "us-west", "east-west")).toBe(30);
  });

  it("then the entry naming the link alone", () => {
    expect(rpoBudgetSeconds(settings, "us-east", "east-west")).toBe(120);
  });

  it("then the fleet default", () => {
    expect(rpoBudgetSeconds(settings, "dr", "jump-to-dr")).toBe(300);
  });
});
