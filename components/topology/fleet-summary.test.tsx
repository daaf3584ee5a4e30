// @vitest-environment jsdom
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { mixedFleet, seedChain, unreachableJump } from "./fixtures/topologies";
import { LinksByState, PartitionStates, ProblemsList, TopLagList } from "./fleet-summary";
import { problemsOf } from "./model/summary";

afterEach(cleanup);

describe("fleet summary parts", () => {
  it("counts links by state with the state in words", () => {
    render(<LinksByState topology={mixedFleet()} />);
    const items = within(screen.getByTestId("links-by-state")).getAllByRole("listitem");
    expect(items.map((i) => [i.getAttribute("data-state"), i.getAttribute("data-count")])).toEqual([
      ["FAILED", "0"],
      ["NOT_FLOWING", "0"],
      ["DEGRADED", "1"],
      ["UNKNOWN", "0"],
      ["PAUSED", "0"],
      ["ACTIVE", "3"],
    ]);
    expect(items[2]!.textContent).toContain("DEGRADED");
  });

  it("counts mirror partitions by category, with words", () => {
    render(<PartitionStates topology={mixedFleet()} />);
    const paused = screen.getByTestId("partition-states").querySelector('[data-category="PAUSED"]')!;
    expect(paused.getAttribute("data-count")).toBe("3");
    expect(paused.textContent).toContain("Paused");
  });

  it("links each problem to where it is", () => {
    render(<ProblemsList problems={problemsOf(unreachableJump())} />);
    const list = screen.getByTestId("problems-list");
    expect(within(list).getByRole("link", { name: "JUMP" }).getAttribute("href")).toBe("/clusters/jump");
    expect(within(list).getByRole("link", { name: "jump-to-dr" }).getAttribute("href")).toBe("/clusters/dr/links/jump-to-dr");
    expect(within(list).getAllByLabelText("Error").length).toBeGreaterThan(0);
  });

  it("says so when there are no problems", () => {
    render(<ProblemsList problems={problemsOf(seedChain())} />);
    expect(screen.getByTestId("problems-none").textContent).toMatch(/No problems/);
  });

  it("shows the first problems and a working button for the rest", () => {
    const many = Array.from({ length: 11 }, (_, i) => ({ key: `k${i}`, tone: "warning" as const, subject: `link-${i}`, texts: ["x"], target: null, severity: 1 }));
    render(<ProblemsList problems={many} limit={8} />);
    expect(within(screen.getByTestId("problems-list")).getAllByRole("listitem")).toHaveLength(8);
    fireEvent.click(screen.getByRole("button", { name: "Show all 11 problems" }));
    expect(within(screen.getByTestId("problems-list")).getAllByRole("listitem")).toHaveLength(11);
  });

  it("lists the mirrors with the most lag, linking to their link pages", () => {
    render(
      <TopLagList
        laggingLinks={1}
        pending={false}
        failedHosts={1}
        mirrors={[{ key: "k", mirror: "clickstream", status: "ACTIVE", linkId: "l@1", linkName: "onprem-to-cloud", cluster: "cloud", maxLag: 24680, totalLag: 99 }]}
      />,
    );
    expect(screen.getByRole("link", { name: "clickstream" }).getAttribute("href")).toBe("/clusters/cloud/links/onprem-to-cloud");
    expect(screen.getByText("24,680 messages")).toBeTruthy();
    expect(screen.getByText(/could not be read/)).toBeTruthy();
  });

  it("says there is no lag instead of an empty list", () => {
    render(<TopLagList laggingLinks={0} pending={false} failedHosts={0} mirrors={[]} />);
    expect(screen.getByText(/No mirror lags behind/)).toBeTruthy();
  });
});
