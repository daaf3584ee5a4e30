import { describe, expect, it } from "vitest";
import { type HostedHalfFigures, writeAlertingMetrics } from "./alerting-metrics";
import { PrometheusText } from "./prometheus-text";

const NOW = Date.UTC(2026, 11, 2, 8, 0, 0);

function half(overrides: Partial<HostedHalfFigures>): HostedHalfFigures {
  return { cluster: "dr", link: "jump-to-dr", flow: null, maxLagSeconds: null, rpoBudgetSeconds: 300, mirrors: [], tasks: null, ...overrides };
}

function render(halves: HostedHalfFigures[], problems: Parameters<typeof writeAlertingMetrics>[2] = []): string {
  const text = new PrometheusText();
  writeAlertingMetrics(text, halves, problems, NOW);
  return text.toString();
}

function samples(text: string, name: string): string[] {
  return text.split("\n").filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `));
}

describe("writeAlertingMetrics", () => {
  it("exports flowing as 1 and stale seconds as 0 for a flowing half", () => {
    const text = render([half({ flow: { flowing: true, staleSinceMs: null } })]);
    expect(samples(text, "linkscope_link_flowing")).toEqual(['linkscope_link_flowing{cluster="dr",link="jump-to-dr"} 1']);
    expect(samples(text, "linkscope_link_stale_seconds")).toEqual(['linkscope_link_stale_seconds{cluster="dr",link="jump-to-dr"} 0']);
  });

  it("exports flowing 0 and the seconds since it stopped for a stale half", () => {
    const text = render([half({ cluster: "cloud", link: "onprem-to-cloud", flow: { flowing: false, staleSinceMs: NOW - 600_000 } })]);
    expect(samples(text, "linkscope_link_flowing")).toEqual(['linkscope_link_flowing{cluster="cloud",link="onprem-to-cloud"} 0']);
    expect(samples(text, "linkscope_link_stale_seconds")).toEqual(['linkscope_link_stale_seconds{cluster="cloud",link="onprem-to-cloud"} 600']);
  });

  it("leaves out what is not known instead of writing 0", () => {
    const text = render([half({ flow: null, maxLagSeconds: null, mirrors: [{ name: "orders", status: "ACTIVE", lagSeconds: null }] })]);
    expect(samples(text, "linkscope_link_flowing")).toEqual([]);
    expect(samples(text, "linkscope_link_stale_seconds")).toEqual([]);
    expect(samples(text, "linkscope_mirror_lag_seconds")).toEqual([]);
    expect(samples(text, "linkscope_link_max_lag_seconds")).toEqual([]);
    // Known regardless: the budget and the mirror count.
    expect(samples(text, "linkscope_link_rpo_budget_seconds")).toEqual(['linkscope_link_rpo_budget_seconds{cluster="dr",link="jump-to-dr"} 300']);
    expect(samples(text, "linkscope_mirrors")).toEqual(['linkscope_mirrors{cluster="dr",link="jump-to-dr",status="ACTIVE"} 1']);
  });

  it("exports lag in seconds per mirror and per half, and the budget", () => {
    const text = render([
      half({
        maxLagSeconds: 420.5,
        rpoBudgetSeconds: 60,
        mirrors: [
          { name: "orders", status: "ACTIVE", lagSeconds: 420.5 },
          { name: "clicks", status: "ACTIVE", lagSeconds: 3 },
        ],
      }),
    ]);
    expect(samples(text, "linkscope_mirror_lag_seconds")).toEqual([
      'linkscope_mirror_lag_seconds{cluster="dr",link="jump-to-dr",mirror="orders"} 420.5',
      'linkscope_mirror_lag_seconds{cluster="dr",link="jump-to-dr",mirror="clicks"} 3',
    ]);
    expect(samples(text, "linkscope_link_max_lag_seconds")).toEqual(['linkscope_link_max_lag_seconds{cluster="dr",link="jump-to-dr"} 420.5']);
    expect(samples(text, "linkscope_link_rpo_budget_seconds")).toEqual(['linkscope_link_rpo_budget_seconds{cluster="dr",link="jump-to-dr"} 60']);
  });

  it("counts mirrors per status and tasks per state, per hosting half", () => {
    const text = render([
      half({
        mirrors: [
          { name: "a", status: "ACTIVE", lagSeconds: null },
          { name: "b", status: "FAILED", lagSeconds: null },
          { name: "c", status: "ACTIVE", lagSeconds: null },
        ],
        tasks: [{ state: "ACTIVE" }, { state: "IN_ERROR" }, { state: "ACTIVE" }],
      }),
      half({ cluster: "us-west", link: "east-west", mirrors: [{ name: "a", status: "PAUSED", lagSeconds: null }] }),
    ]);
    expect(samples(text, "linkscope_mirrors")).toEqual([
      'linkscope_mirrors{cluster="dr",link="jump-to-dr",status="ACTIVE"} 2',
      'linkscope_mirrors{cluster="dr",link="jump-to-dr",status="FAILED"} 1',
      'linkscope_mirrors{cluster="us-west",link="east-west",status="PAUSED"} 1',
    ]);
    expect(samples(text, "linkscope_link_tasks")).toEqual([
      'linkscope_link_tasks{cluster="dr",link="jump-to-dr",state="ACTIVE"} 2',
      'linkscope_link_tasks{cluster="dr",link="jump-to-dr",state="IN_ERROR"} 1',
    ]);
  });

  it("counts problems per code, with link empty for a cluster's own problems", () => {
    const text = render(
      [],
      [
        { cluster: "dr", link: "jump-to-dr", code: "mirror-not-catching-up" },
        { cluster: "dr", link: "jump-to-dr", code: "mirror-not-catching-up" },
        { cluster: "dr", link: "jump-to-dr", code: "lag-over-budget" },
        { cluster: "jump", link: "", code: "unreadable-rows" },
      ],
    );
    expect(samples(text, "linkscope_problems")).toEqual([
      'linkscope_problems{cluster="dr",link="jump-to-dr",code="mirror-not-catching-up"} 2',
      'linkscope_problems{cluster="dr",link="jump-to-dr",code="lag-over-budget"} 1',
      'linkscope_problems{cluster="jump",link="",code="unreadable-rows"} 1',
    ]);
  });

  it("declares each series once, as a gauge", () => {
    const text = render([half({})]);
    expect(text.match(/^# TYPE \S+ gauge$/gm)).toHaveLength(8);
  });
});
