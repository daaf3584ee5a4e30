// @vitest-environment jsdom
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import type { MirrorView } from "@/lib/api/links";
import { DEFAULT_MIRROR_TABLE_STATE } from "./mirror-table-state";
import { MirrorsTable } from "./mirrors-table";

afterEach(cleanup);

// jsdom has no layout; the virtualizer sizes its window from the scroll element's client box.
const saved = {
  height: Object.getOwnPropertyDescriptor(HTMLElement.prototype, "clientHeight"),
  width: Object.getOwnPropertyDescriptor(HTMLElement.prototype, "clientWidth"),
};
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, "clientHeight", { configurable: true, get: () => 600 });
  Object.defineProperty(HTMLElement.prototype, "clientWidth", { configurable: true, get: () => 1200 });
});
afterAll(() => {
  if (saved.height) Object.defineProperty(HTMLElement.prototype, "clientHeight", saved.height);
  if (saved.width) Object.defineProperty(HTMLElement.prototype, "clientWidth", saved.width);
});

const now = Date.UTC(2026, 10, 21, 12, 0, 0);
const mirror = (i: number, extra: Partial<MirrorView> = {}): MirrorView => ({
  flowing: true,
  staleSince: null,
  lagSeconds: null,
  problems: [],
  name: `topic-${String(i).padStart(5, "0")}`,
  sourceTopic: `topic-${String(i).padStart(5, "0")}`,
  status: "ACTIVE",
  partitions: 6,
  maxLag: i,
  totalLag: i * 6,
  stateTimeMs: now - 90_000,
  error: null,
  ...extra,
});

describe("MirrorsTable", () => {
  it("renders only a window of rows for 10,000 mirrors", () => {
    const mirrors = Array.from({ length: 10_000 }, (_, i) => mirror(i));
    render(<MirrorsTable mirrors={mirrors} state={DEFAULT_MIRROR_TABLE_STATE} onSort={() => {}} cluster="jump" link="l" now={now} />);
    const table = screen.getByRole("table");
    expect(table.getAttribute("aria-rowcount")).toBe("10001");
    const bodyRows = table.querySelectorAll("tbody tr");
    expect(bodyRows.length).toBeGreaterThan(10);
    expect(bodyRows.length).toBeLessThanOrEqual(200);
  });

  it("shows a stale mirror's lag as '≥ N, as of T'", () => {
    const staleSince = Date.UTC(2026, 10, 21, 11, 50, 0);
    render(
      <MirrorsTable
        mirrors={[mirror(7, { flowing: false, staleSince })]}
        state={DEFAULT_MIRROR_TABLE_STATE}
        onSort={() => {}}
        cluster="cloud"
        link="onprem-to-cloud"
        now={now}
      />,
    );
    expect(screen.getAllByTestId("stale-lag").map((e) => e.textContent)).toEqual([
      "at least ≥ 7, as of 11:50:00 UTC",
      "at least ≥ 42, as of 11:50:00 UTC",
    ]);
  });

  it("shows every column of a row: link to the mirror page, status as a word, numbers with separators, time in state, error", () => {
    const m = mirror(1234, {
      status: "FAILED",
      maxLag: 1_234_567,
      totalLag: null,
      error: "SOURCE_TOPIC_MAY_BE_DELETED",
      sourceTopic: "src.orders",
    });
    render(
      <MirrorsTable mirrors={[m]} state={DEFAULT_MIRROR_TABLE_STATE} onSort={() => {}} cluster="cloud" link="onprem-to-cloud" now={now} />,
    );
    const row = screen.getByTestId(`mirror-row-${m.name}`);
    expect(within(row).getByRole("link", { name: m.name }).getAttribute("href")).toBe(
      `/clusters/cloud/links/onprem-to-cloud/mirrors/${m.name}`,
    );
    expect(within(row).getByText("src.orders")).toBeTruthy();
    expect(within(row).getByText("FAILED")).toBeTruthy();
    expect(within(row).getByText("1,234,567")).toBeTruthy();
    expect(within(row).getByText("—", { selector: "td" })).toBeTruthy();
    expect(within(row).getByText("1 min")).toBeTruthy();
    expect(within(row).getByText("SOURCE_TOPIC_MAY_BE_DELETED")).toBeTruthy();
  });

  it("sorts from the column headers and says which column is sorted", () => {
    const onSort = vi.fn();
    render(
      <MirrorsTable
        mirrors={[mirror(1)]}
        state={{ ...DEFAULT_MIRROR_TABLE_STATE, sort: "maxLag", dir: "desc" }}
        onSort={onSort}
        cluster="c"
        link="l"
        now={now}
      />,
    );
    const maxLag = screen.getByRole("columnheader", { name: /Max lag/ });
    expect(maxLag.getAttribute("aria-sort")).toBe("descending");
    expect(screen.getByRole("columnheader", { name: /Mirror/ }).getAttribute("aria-sort")).toBe("none");
    fireEvent.click(within(screen.getByRole("columnheader", { name: /Total lag/ })).getByRole("button"));
    expect(onSort).toHaveBeenCalledWith("totalLag");
  });
});
