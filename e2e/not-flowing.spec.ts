import { expect, test } from "@playwright/test";
import { DrillAdmin, FailoverPage } from "./pages/failover-page";
import { E2E_ADMIN_URL } from "./support/ports";

// Issue 14: a network cut between onprem and cloud on the demo fleet. Both clusters keep answering Linkscope and onprem
// keeps producing, but the link cannot reach onprem's brokers: nothing it shows may be live, caught up or Ready.
// Simulated time moves only through the admin API; the network is restored at the end, whatever happens.

const ADMIN = process.env.LINKSCOPE_E2E_ADMIN_URL ?? E2E_ADMIN_URL;
const SLOW = { timeout: 30_000 };

test.describe.configure({ mode: "serial" });

test.describe("a link that cannot reach its source", () => {
  test.afterAll(async ({ request }) => {
    await request.post(`${ADMIN}/network/restore`, { data: { a: "onprem", b: "cloud" } });
  });

  test("cut onprem↔cloud for 10 minutes: every mirror stale with '≥' data at risk, no Ready, no promote, the edge says not flowing; restore → live", async ({
    page,
    request,
  }) => {
    test.setTimeout(120_000);
    const admin = new DrillAdmin(request);
    const runbook = new FailoverPage(page);
    expect((await request.post(`${ADMIN}/network/cut`, { data: { a: "onprem", b: "cloud" } })).ok()).toBe(true);
    await admin.advance(600_000);

    await runbook.gotoScope("cloud", "onprem-to-cloud");
    // Every cluster still answers, so the header's one glance must say what is not OK: the data.
    await expect(page.getByRole("status", { name: /^Fleet: all \d+ clusters OK; 1 link not flowing: onprem-to-cloud$/ })).toBeVisible(SLOW);
    const rows = page.locator('[data-testid^="readiness-row-"]');
    await expect(rows.first()).toBeVisible(SLOW);
    await expect(page.getByTestId("readiness-max-lag").first()).toContainText("not flowing", SLOW);
    for (const row of await rows.all()) {
      if (/STOPPED|FAILED/.test((await row.textContent()) ?? "")) continue;
      await expect(row.getByTestId("readiness-max-lag")).toContainText(/≥ .*not flowing · as of \d\d:\d\d:\d\d UTC/);
      await expect(row).toContainText(/at least \d/);
      await expect(row).not.toContainText(/caught up|Ready/);
    }
    // clickstream was behind when the cut came (the demo's slow mirror): its floor is above zero.
    await expect(runbook.readinessRow("clickstream")).toContainText(/at least [1-9][\d,]* messages/);
    await expect(page.getByTestId("readiness-summary")).not.toContainText(/Promote: Ready/);
    const recommendation = page.getByTestId("recommendation");
    await expect(recommendation).toContainText(/Neither: data is not flowing/);
    await expect(recommendation).toContainText(/restore the network/);
    await expect(page.getByText("Recommended")).toHaveCount(0);
    // "Neither" preselects nothing: a highlighted Promote would read as advice.
    await expect(runbook.action("Promote")).not.toBeChecked();
    await expect(runbook.action("Failover")).not.toBeChecked();
    // The figures come from the server (GET /api/readiness); orders is consumed on onprem, so its floor is measured there.
    await expect(runbook.readinessRow("orders")).toContainText(/Measured at \d\d:\d\d:\d\d UTC from the source's end offsets/);
    await expect(page.getByTestId("readiness-as-of")).toContainText(/As of \d\d:\d\d:\d\d UTC/);

    await page.goto("/clusters/cloud/links/onprem-to-cloud");
    await expect(page.getByTestId("stale-lag-note")).toContainText(
      /No mirror of this link is flowing: lag marked ≥ is the last known lag, as of/,
      SLOW,
    );
    // cloud still reports the partitions by state as it did; their panel must not read as healthy.
    await expect(page.getByTestId("partition-states-not-flowing")).toContainText(/ACTIVE here does not mean data arrives/, SLOW);
    // The mirror's page: cloud still calls it ACTIVE, so neither "actively mirroring" nor "caught up" may be said.
    await page.goto("/clusters/cloud/links/onprem-to-cloud/mirrors/clickstream");
    await expect(page.getByTestId("mirror-not-flowing")).toContainText(/No data moves into this mirror since \d\d:\d\d:\d\d UTC/, SLOW);
    await expect(page.getByText("Actively mirroring.")).toHaveCount(0);
    await expect(page.getByText(/No data moves since \d\d:\d\d:\d\d UTC: each partition's lag is the last known/)).toBeVisible(SLOW);
    await expect(page.getByText("Every partition is caught up.")).toHaveCount(0);
    await expect(page.getByTestId("partition-row-0").getByTestId("stale-lag")).toBeVisible();
    // And the cluster's own list of its mirrors.
    await page.goto("/clusters/cloud");
    const clickstream = page.getByTestId("cluster-mirrors").getByRole("row", { name: /clickstream/ });
    await expect(clickstream.getByTestId("stale-lag")).toContainText(/≥ [\d,]+ messages\s*as of \d\d:\d\d:\d\d UTC/, SLOW);

    await page.goto("/");
    const edge = page.locator('[data-edge-label="flow"]', { hasText: "onprem-to-cloud" });
    await expect(edge.getByTestId("edge-not-flowing")).toBeVisible(SLOW);
    await expect(edge).toContainText("NOT FLOWING");
    // No all-clear while a hosting half is stale: the fleet summary says its counts are partial.
    await expect(page.getByTestId("fleet-summary").getByTestId("partial-note").first()).toContainText(
      /Partial: \d+ (half|halves) not read \/ stale/,
    );
    await expect(edge.getByTestId("edge-not-flowing")).toHaveText(/^as of \d\d:\d\d:\d\d UTC$/);

    expect((await request.post(`${ADMIN}/network/restore`, { data: { a: "onprem", b: "cloud" } })).ok()).toBe(true);
    await admin.advance(60_000);
    await expect(edge.getByTestId("edge-not-flowing")).toHaveCount(0, SLOW);
    await expect(page.getByRole("status", { name: /^Fleet: all \d+ clusters OK$/ })).toBeVisible(SLOW);
    await runbook.gotoScope("cloud", "onprem-to-cloud");
    await expect(runbook.readinessRow("orders")).toBeVisible(SLOW);
    await expect(runbook.readinessRow("orders").getByTestId("readiness-max-lag")).not.toContainText("not flowing", SLOW);
    await expect(runbook.readinessRow("orders")).not.toContainText("≥");
    await page.goto("/clusters/cloud/links/onprem-to-cloud");
    await expect(page.getByTestId("partition-states-source")).toBeVisible(SLOW);
    await expect(page.getByTestId("partition-states-not-flowing")).toHaveCount(0);
  });
});
