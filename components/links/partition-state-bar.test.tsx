// @vitest-environment jsdom
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, render, screen, within } from "@testing-library/react";
import { PartitionStateBar } from "./partition-state-bar";

afterEach(cleanup);

const states = { ACTIVE: 10, PAUSED: 0, PENDING: 0, IN_ERROR: 2, NOT_APPLICABLE: 0 };

describe("PartitionStateBar", () => {
  it("labels reported counts as reported by the cluster", () => {
    render(<PartitionStateBar states={states} source="reported" />);
    expect(screen.getByTestId("partition-states-source").textContent).toContain("Reported by the cluster");
    expect(screen.getByText(/category_counts/)).toBeTruthy();
  });

  it("labels derived counts as derived, and says why", () => {
    render(<PartitionStateBar states={states} source="derived" />);
    expect(screen.getByTestId("partition-states-source").textContent).toContain("Derived by Linkscope");
    expect(screen.getByText(/does not report category_counts/)).toBeTruthy();
  });

  it("shows a number and share for every category, zeros included, and the total", () => {
    render(<PartitionStateBar states={{ ...states, LINK_WEIRD: 1 }} source="reported" />);
    expect(screen.getByText("13 partitions")).toBeTruthy();
    const active = screen.getByTestId("partition-state-ACTIVE");
    expect(within(active).getByText("10")).toBeTruthy();
    expect(within(active).getByText("76.9%")).toBeTruthy();
    expect(within(screen.getByTestId("partition-state-IN_ERROR")).getByText("2")).toBeTruthy();
    expect(within(screen.getByTestId("partition-state-PAUSED")).getByText("0")).toBeTruthy();
    expect(within(screen.getByTestId("partition-state-LINK_WEIRD")).getByText("1")).toBeTruthy();
  });

  it("reads out the counts in the table caption", () => {
    render(<PartitionStateBar states={states} source="derived" />);
    expect(
      screen.getByRole("table", { name: /derived by linkscope.*ACTIVE 10, PAUSED 0, PENDING 0, IN_ERROR 2, NOT_APPLICABLE 0/i }),
    ).toBeTruthy();
  });

  it("says that ACTIVE does not mean data arrives while the link does not flow, and dims the bar", () => {
    const { container, rerender } = render(<PartitionStateBar states={states} source="reported" />);
    expect(screen.queryByTestId("partition-states-not-flowing")).toBeNull();
    expect(container.querySelector(".opacity-40")).toBeNull();
    rerender(<PartitionStateBar states={states} source="reported" notFlowing />);
    expect(screen.getByRole("note").textContent).toMatch(/No data moves over this link.*ACTIVE here does not mean data arrives/);
    expect(container.querySelector(".opacity-40")).not.toBeNull();
  });
});
