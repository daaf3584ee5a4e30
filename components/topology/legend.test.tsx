// @vitest-environment jsdom
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, render, screen, within } from "@testing-library/react";
import { TopologyLegend } from "./legend";

afterEach(cleanup);

describe("TopologyLegend", () => {
  it("explains the two arrow kinds in one sentence each", () => {
    render(<TopologyLegend />);
    const legend = screen.getByTestId("topology-legend");
    expect(within(legend).getByText("Data flow").closest("span")!.textContent).toMatch(/solid arrow from the source cluster to the destination/);
    expect(within(legend).getByText("Connection").closest("span")!.textContent).toMatch(/dashed arrow from the cluster that dials \(plug\) to the cluster that listens/);
  });

  it("names every link state in words, not colour alone, and the external cluster look", () => {
    render(<TopologyLegend />);
    const states = screen.getByRole("list", { name: "Link states" });
    for (const state of ["FAILED", "NOT FLOWING", "DEGRADED", "UNKNOWN", "PAUSED", "ACTIVE"]) expect(within(states).getByText(state)).toBeTruthy();
    expect(within(states).getByText(/External cluster/)).toBeTruthy();
  });
});
