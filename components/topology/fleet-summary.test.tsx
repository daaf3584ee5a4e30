// @vitest-environment jsdom
import type { ComponentProps } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { mixedFleet, seedChain, unreachableJump } from "./fixtures/topologies";
import { LinksByState, PartitionStates, ProblemsList, TopLagList } from "./fleet-summary";
import { problemsOf } from "./model/summary";

afterEach(cleanup);

const ALL_READ = { hostingHalves: 6, unreadHalves: 0, staleHalves: 0, unreadClusters: 0 };

type TopRow = ComponentProps<typeof TopLagList>["mirrors"][number];

/** clickstream on onprem-to-cloud, 24,680 messages behind and flowing, unless told otherwise. */
function topRow(overrides: Partial<TopRow> = {}): TopRow {
  return {
    key: "k",
    mirror: "clickstream",
    status: "ACTIVE",
    linkId: "l@1",
    linkName: "onprem-to-cloud",
    cluster: "cloud",
    maxLag: 24680,
    totalLag: 99,
    staleSince: null,
    ...overrides,
  };
}

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
    const many = Array.from({ length: 11 }, (_, i) => ({
      key: `k${i}`,
      tone: "warning" as const,
      subject: `link-${i}`,
      texts: ["x"],
      target: null,
      severity: 1,
    }));
    render(<ProblemsList problems={many} limit={8} />);
    expect(within(screen.getByTestId("problems-list")).getAllByRole("listitem")).toHaveLength(8);
    fireEvent.click(screen.getByRole("button", { name: "Show all 11 problems" }));
    expect(within(screen.getByTestId("problems-list")).getAllByRole("listitem")).toHaveLength(11);
  });

  it("lists the mirrors with the most lag, linking to their link pages", () => {
    render(<TopLagList laggingLinks={1} pending={false} failedHosts={1} coverage={ALL_READ} mirrors={[topRow()]} />);
    expect(screen.getByRole("link", { name: "clickstream" }).getAttribute("href")).toBe("/clusters/cloud/links/onprem-to-cloud");
    expect(screen.getByText("24,680 messages")).toBeTruthy();
    expect(screen.getByText(/could not be read/)).toBeTruthy();
  });

  it("keeps a mirror's state out of the part that truncates long link and cluster names", () => {
    render(
      <TopLagList
        laggingLinks={1}
        pending={false}
        failedHosts={0}
        coverage={ALL_READ}
        mirrors={[
          topRow({
            mirror: "orders",
            status: "PAUSED",
            linkName: "a-very-long-link-name-east-west",
            cluster: "us-west",
            maxLag: 5,
            totalLag: 5,
          }),
        ]}
      />,
    );
    const state = screen.getByText("· PAUSED");
    expect(state.className).toContain("shrink-0");
    expect(state.closest(".truncate")).toBeNull();
  });

  it("says there is no lag instead of an empty list", () => {
    render(<TopLagList laggingLinks={0} pending={false} failedHosts={0} mirrors={[]} coverage={ALL_READ} />);
    expect(screen.getByText(/No mirror lags behind/)).toBeTruthy();
    expect(screen.queryByTestId("partial-note")).toBeNull();
  });

  it("never gives the all-clear while a hosting half is unread or stale: it says the list is partial, and how", () => {
    render(
      <TopLagList
        laggingLinks={0}
        pending={false}
        failedHosts={0}
        mirrors={[]}
        coverage={{ hostingHalves: 6, unreadHalves: 1, staleHalves: 2, unreadClusters: 0 }}
      />,
    );
    expect(screen.queryByText(/No mirror lags behind/)).toBeNull();
    expect(screen.getByTestId("partial-note").textContent).toMatch(/^Partial: 3 halves not read \/ stale \(1 not read, 2 stale\)/);
  });

  it("shows a stale mirror's lag as '≥ N, as of T'", () => {
    const staleSince = Date.UTC(2026, 10, 21, 3, 0, 5);
    render(
      <TopLagList
        laggingLinks={1}
        pending={false}
        failedHosts={0}
        coverage={{ hostingHalves: 6, unreadHalves: 0, staleHalves: 1, unreadClusters: 0 }}
        mirrors={[topRow({ staleSince })]}
      />,
    );
    expect(screen.getByTestId("stale-lag").textContent).toBe("at least ≥ 24,680 messagesas of 03:00:05 UTC");
    expect(screen.getByTestId("partial-note").textContent).toMatch(/^Partial: 1 half not read \/ stale/);
  });

  it("says the state counts are partial when a cluster hosting mirrors cannot be read", () => {
    const fleet = unreachableJump();
    expect(fleet.coverage).toMatchObject({ unreadClusters: 1, staleHalves: 1 });
    render(
      <>
        <LinksByState topology={fleet} />
        <PartitionStates topology={fleet} />
      </>,
    );
    const notes = screen.getAllByTestId("partial-note");
    expect(notes).toHaveLength(2);
    for (const note of notes)
      expect(note.textContent).toBe(
        "Partial: 1 half not read / stale (0 not read, 1 stale; 1 cluster not read). " +
          (note.closest("[data-testid=partition-states]")
            ? "Partitions of unread halves are missing from these counts; stale halves count as they last reported."
            : "Unread halves count with their last known state and partitions, stale ones with what they last reported."),
      );
  });

  it("says nothing of partial counts when every hosting half is read and flows", () => {
    render(<LinksByState topology={seedChain()} />);
    expect(screen.queryByTestId("partial-note")).toBeNull();
  });
});
