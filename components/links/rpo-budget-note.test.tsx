// @vitest-environment jsdom
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, render, screen } from "@testing-library/react";
import { RpoBudgetNote } from "./rpo-budget-note";

afterEach(cleanup);

describe("RpoBudgetNote", () => {
  it("says in words when the estimated lag is over the budget", () => {
    render(<RpoBudgetNote rpoSeconds={300} lagSeconds={430} />);
    const note = screen.getByTestId("rpo-budget");
    expect(note.textContent).toContain("RPO budget 5 min");
    expect(note.textContent).toContain("Worst mirror an estimated 7 min behind:over budget");
  });

  it("calls a link that stopped flowing at least that far behind", () => {
    render(<RpoBudgetNote rpoSeconds={300} lagSeconds={900} atLeast />);
    expect(screen.getByTestId("rpo-budget").textContent).toContain("Worst mirror at least 15 min behind (not flowing):over budget");
  });

  it("says within budget below it", () => {
    render(<RpoBudgetNote rpoSeconds={300} lagSeconds={12} />);
    expect(screen.getByTestId("rpo-budget").textContent).toContain("within budget");
  });

  it("never calls an unknown figure within or over budget, and explains how the seconds are estimated", () => {
    render(<RpoBudgetNote rpoSeconds={60} lagSeconds={null} />);
    const note = screen.getByTestId("rpo-budget");
    expect(note.textContent).toContain("Lag in seconds unknown");
    expect(note.textContent).not.toMatch(/within budget|over budget/);
    expect(screen.getByText("How lag in seconds is estimated")).toBeTruthy();
  });
});
