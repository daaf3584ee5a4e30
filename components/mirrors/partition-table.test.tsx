// @vitest-environment jsdom
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, render, screen, within } from "@testing-library/react";
import { PartitionTable } from "./partition-table";
import { unavailableRates } from "./partition-rates";

afterEach(cleanup);

const lags = [
  { partition: 1, lag: 0, lastSourceFetchOffset: 900 },
  { partition: 0, lag: 12, lastSourceFetchOffset: 100 },
];

describe("PartitionTable", () => {
  it("shows each partition's lag as reported while the mirror flows", () => {
    render(<PartitionTable lags={lags} rates={[]} ratesLoading={false} />);
    expect(within(screen.getByTestId("partition-row-0")).getByRole("cell", { name: "12" })).toBeTruthy();
    expect(screen.queryAllByTestId("stale-lag")).toHaveLength(0);
  });

  it("marks every lag as a floor once the mirror stopped flowing, and says why its estimates are missing", () => {
    const staleSince = Date.UTC(2026, 11, 3, 10, 13, 59);
    const rates = unavailableRates([0, 1], "no data moves, so the source's produce rate is unknown");
    render(<PartitionTable lags={lags} rates={rates} ratesLoading={false} staleSince={staleSince} />);
    const lag = within(screen.getByTestId("partition-row-0")).getByTestId("stale-lag");
    expect(lag.textContent).toBe("at least ≥ 12, as of 10:13:59 UTC");
    expect(screen.getAllByTestId("stale-lag")).toHaveLength(2);
    expect(screen.getByTestId("estimates-note").textContent).toContain("no data moves, so the source's produce rate is unknown");
  });
});
