// @vitest-environment jsdom
import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { bandLabel, TimeSeriesChart } from "./time-series-chart";

afterEach(cleanup);

describe("TimeSeriesChart", () => {
  it("says in words which stretches are shaded: a gap without samples and a frozen plateau", () => {
    const step = 60_000;
    const t0 = Date.UTC(2026, 10, 21, 15, 0);
    const points: Array<[number, number]> = [
      ...Array.from({ length: 3 }, (_, i): [number, number] => [t0 + i * step, 10 + i]),
      // 10 minutes without a sample, then eight samples of the same lag.
      ...Array.from({ length: 8 }, (_, i): [number, number] => [t0 + (12 + i) * step, 500]),
    ];
    render(
      <TimeSeriesChart
        series={[{ id: "s0-max", label: "max lag", token: "chart-1", points }]}
        from={t0}
        to={t0 + 20 * step}
        stepMs={step}
        utc
        unit="messages"
        label="Largest partition lag"
      />,
    );
    const notes = within(screen.getByRole("list", { name: "Shaded stretches" }))
      .getAllByRole("listitem")
      .map((li) => li.textContent);
    expect(notes).toEqual([
      expect.stringMatching(/^15:02–15:12 no data: no samples \(cluster unreachable/),
      expect.stringMatching(/^15:12–15:19 frozen: lag unchanged above 0/),
    ]);
  });

  it("labels a band inside the chart only when it is wide enough to hold its label", () => {
    const hour = 3_600_000;
    expect(bandLabel({ kind: "gap", from: 0, to: 20 * 60_000 }, hour)).toBe("no data");
    expect(bandLabel({ kind: "frozen", from: 0, to: 10 * 60_000 }, hour)).toBe("frozen");
    // Minute-long gaps side by side (a server restarted several times) are shaded and listed, not labelled.
    expect(bandLabel({ kind: "gap", from: 0, to: 60_000 }, hour)).toBeUndefined();
    expect(bandLabel({ kind: "gap", from: 0, to: 60_000 }, 0)).toBeUndefined();
  });
});
