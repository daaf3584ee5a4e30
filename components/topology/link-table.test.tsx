// @vitest-environment jsdom
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, render, screen, within } from "@testing-library/react";
import { bidirectionalPair, mixedFleet, seedChain, unreachableJump } from "./fixtures/topologies";
import { LinkTable, sortLinksForTable } from "./link-table";

afterEach(cleanup);

function rowOf(name: string) {
  return screen.getAllByRole("row").find((r) => r.getAttribute("data-link") === name)!;
}

describe("LinkTable", () => {
  it("is a real table with a caption and one row per link", () => {
    const t = mixedFleet();
    render(<LinkTable topology={t} />);
    const table = screen.getByRole("table", { name: /Cluster links/ });
    expect(within(table).getAllByRole("row")).toHaveLength(t.links.length + 1);
    for (const header of ["Link", "Kind", "Source", "Destination", "Connection (from → to)", "State", "Mirrors", "Max lag"]) {
      expect(within(table).getByRole("columnheader", { name: header })).toBeTruthy();
    }
  });

  it("shows connection against flow: jump-to-dr is dialled by dr, primary-to-jump by primary", () => {
    render(<LinkTable topology={seedChain()} />);
    const jumpToDr = rowOf("jump-to-dr");
    expect(within(jumpToDr).getByText("Destination-initiated")).toBeTruthy();
    const conn = jumpToDr.querySelector("[data-connection-from]")!;
    expect([conn.getAttribute("data-connection-from"), conn.getAttribute("data-connection-to")]).toEqual(["dr", "jump"]);
    const cells = within(jumpToDr).getAllByRole("cell");
    expect(cells[1]!.textContent).toBe("jump");
    expect(cells[2]!.textContent).toBe("dr");
    const primaryToJump = rowOf("primary-to-jump").querySelector("[data-connection-from]")!;
    expect([primaryToJump.getAttribute("data-connection-from"), primaryToJump.getAttribute("data-connection-to")]).toEqual([
      "primary",
      "jump",
    ]);
  });

  it("links a link to its link page on the hosting half, and the other half too", () => {
    render(<LinkTable topology={seedChain()} />);
    const row = rowOf("primary-to-jump");
    expect(within(row).getByRole("link", { name: "primary-to-jump" }).getAttribute("href")).toBe("/clusters/jump/links/primary-to-jump");
    expect(
      within(row)
        .getByRole("link", { name: /source half on primary/ })
        .getAttribute("href"),
    ).toBe("/clusters/primary/links/primary-to-jump");
    expect(within(row).getByRole("link", { name: "primary" }).getAttribute("href")).toBe("/clusters/primary");
  });

  it("shows state as icon and word, with the problems, and lag in messages", () => {
    render(<LinkTable topology={unreachableJump()} />);
    const row = rowOf("jump-to-dr");
    expect(within(row).getByText("NOT FLOWING")).toBeTruthy();
    expect(within(row).getByText(/source cluster jump is unreachable/)).toBeTruthy();
    expect(within(row).getByText("12 messages")).toBeTruthy();
    expect(within(rowOf("primary-to-jump")).getByText("unknown")).toBeTruthy();
  });

  it("shows a stale link's lag as '≥ N, as of T', and a flowing one's as it is", () => {
    const t = unreachableJump();
    const staleSince = Date.UTC(2026, 10, 21, 14, 50, 0);
    render(<LinkTable topology={{ ...t, links: t.links.map((l) => (l.name === "jump-to-dr" ? { ...l, staleSince } : l)) }} />);
    expect(within(rowOf("jump-to-dr")).getByTestId("stale-lag").textContent).toBe("at least ≥ 12 messagesas of 14:50:00 UTC");
    cleanup();
    render(<LinkTable topology={seedChain()} />);
    expect(screen.queryByTestId("stale-lag")).toBeNull();
  });

  it("says a bidirectional link flows both ways and lists both connections", () => {
    render(<LinkTable topology={bidirectionalPair()} />);
    const row = rowOf("east-west");
    expect(within(row).getByText("Bidirectional")).toBeTruthy();
    expect(within(row).getByText("data flows both ways")).toBeTruthy();
    expect(row.querySelectorAll("[data-connection-from]")).toHaveLength(2);
  });

  it("lists only the visible links, worst state first", () => {
    const t = mixedFleet();
    const visible = new Set(t.links.filter((l) => l.name !== "east-west").map((l) => l.id));
    render(<LinkTable topology={t} visibleLinks={visible} />);
    expect(screen.queryByText("east-west")).toBeNull();
    expect(sortLinksForTable(t.links)[0]!.name).toBe("east-west");
  });
});
