import { expect, test } from "@playwright/test";
import { SimulatorAdmin } from "./support/simulator-admin";
import { E2E_BASE_URL } from "./support/ports";

/*
 * One broken cluster never holds a page hostage. `cloud` answers every REST call in 4 s (inside its 5 s timeout:
 * slow, not down) and `jump` is stopped. Once the dashboard has noticed (it is asked, not slept for), the topology,
 * a healthy cluster's page and its link page show their figures within 1.5 s of navigation, and jump's link page
 * says unreachable as fast. Budgets are generous for a shared machine; the old code took 5.9 s and ~9 s.
 */

const FAST_MS = 1_500;

interface ClusterAnswer {
  clusters: { name: string; status: string; latencyMs: number | null; asOf: number | null }[];
}

test.describe("slow and stopped clusters", () => {
  test.afterEach(async ({ request }) => {
    const admin = new SimulatorAdmin(request);
    await admin.clearFaults("cloud");
    await admin.startCluster("jump");
  });

  test("pages about healthy clusters render at once; the stopped cluster's page says so at once", async ({ page, request }) => {
    const admin = new SimulatorAdmin(request);
    await admin.setFaults("cloud", { latencyMs: 4_000 });
    await admin.stopCluster("jump");

    // Wait (by asking) until the dashboard's readings show both: cloud slow but ok, jump unreachable.
    await expect
      .poll(
        async () => {
          const body = (await (await request.get(`${E2E_BASE_URL}/api/clusters`)).json()) as ClusterAnswer;
          const byName = new Map(body.clusters.map((c) => [c.name, c]));
          const cloud = byName.get("cloud");
          return `${cloud?.status}/${(cloud?.latencyMs ?? 0) >= 3_000} ${byName.get("jump")?.status}`;
        },
        { timeout: 60_000, intervals: [500] },
      )
      .toBe("ok/true unreachable");

    let started = Date.now();
    await page.goto("/");
    await expect(page.getByRole("heading", { name: "Links by state" })).toBeVisible({ timeout: FAST_MS });
    expect(Date.now() - started).toBeLessThan(FAST_MS + 500);

    started = Date.now();
    await page.goto("/clusters/dr");
    await expect(page.getByTestId("hosted-links")).toBeVisible({ timeout: FAST_MS });
    expect(Date.now() - started).toBeLessThan(FAST_MS + 500);

    started = Date.now();
    await page.goto("/clusters/dr/links/jump-to-dr");
    await expect(page.getByRole("heading", { name: "jump-to-dr" })).toBeVisible({ timeout: FAST_MS });
    await expect(page.getByTestId("partition-states-source")).toBeVisible({ timeout: FAST_MS });
    expect(Date.now() - started).toBeLessThan(FAST_MS + 500);

    // The slow cluster is shown as slow, with its measured time, not as down.
    await page.goto("/clusters/cloud");
    await expect(page.getByTestId("slow-badge")).toContainText(/Slow · [4-9]\.\d s/, { timeout: FAST_MS });

    started = Date.now();
    await page.goto("/clusters/jump/links/primary-to-jump");
    await expect(page.getByText(/unreachable|refused|could not connect/i).first()).toBeVisible({ timeout: FAST_MS });
    expect(Date.now() - started).toBeLessThan(FAST_MS + 500);
  });
});
