import { expect, test } from "@playwright/test";
import { SimulatorAdmin } from "./support/simulator-admin";
import { E2E_BASE_URL, E2E_SLOW_CLUSTER } from "./support/ports";

/*
 * One broken cluster never holds a page hostage. `cloud` answers every REST call in 12 s (inside its 15 s timeout, set
 * for the browser tests in scripts/e2e-server.ts: slow, not down) and `jump` is stopped. Once the dashboard has noticed
 * (it is asked, not slept for), the topology, a healthy cluster's page and its link page show their figures before cloud
 * could have answered a single request, and jump's link page says unreachable as fast (the old code took 5.9 s and ~9 s
 * with cloud at 4 s).
 */

const SLOW_CLUSTER_LATENCY_MS = E2E_SLOW_CLUSTER.timeoutMs - 3_000;
/**
 * Just below the slow cluster's time per answer, so a page that waited for it cannot pass. The margin is for a loaded
 * 2-core machine, not for the product: with cloud at 4 s and a 3.75 s budget, the topology page took 2.6 s here, 3.4 s
 * and once 4.3 s in clean-clone CI runs (its summary and graph load as chunks of their own); with a build running beside
 * it, 5.6 s and the link page 7.3 s. The 1.5 s on a quiet machine is a figure for the benchmark, not a test.
 */
const FAST_MS = Number(process.env.E2E_FAST_MS ?? SLOW_CLUSTER_LATENCY_MS - 250);
const PAGES = ["/", "/clusters/dr", "/clusters/dr/links/jump-to-dr", "/clusters/cloud", "/clusters/jump/links/primary-to-jump"];

interface ClusterAnswer {
  clusters: { name: string; status: string; latencyMs: number | null; asOf: number | null }[];
}

/** From navigation (page.goto included) to the figures: within FAST_MS. */
function took(started: number): void {
  const ms = Date.now() - started;
  console.log(`rendered in ${ms} ms`);
  expect(ms).toBeLessThan(FAST_MS);
}

test.describe("slow and stopped clusters", () => {
  test.afterEach(async ({ request }) => {
    const admin = new SimulatorAdmin(request);
    await admin.clearFaults(E2E_SLOW_CLUSTER.name);
    await admin.startCluster("jump");
  });

  test("pages about healthy clusters render at once; the stopped cluster's page says so at once", async ({ page, request }) => {
    test.setTimeout(300_000);
    const admin = new SimulatorAdmin(request);
    // Load each page once while the fleet is healthy: the browser's first visit also fetches and compiles the page's
    // scripts, which is not what this test is about.
    for (const path of PAGES) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible({ timeout: 30_000 });
    }
    await admin.setFaults(E2E_SLOW_CLUSTER.name, { latencyMs: SLOW_CLUSTER_LATENCY_MS });
    await admin.stopCluster("jump");

    // Wait (by asking) until the dashboard's readings show both: cloud slow but ok, jump unreachable.
    await expect
      .poll(
        async () => {
          const body = (await (await request.get(`${E2E_BASE_URL}/api/clusters`)).json()) as ClusterAnswer;
          const byName = new Map(body.clusters.map((c) => [c.name, c]));
          const cloud = byName.get("cloud");
          return `${cloud?.status}/${(cloud?.latencyMs ?? 0) >= SLOW_CLUSTER_LATENCY_MS - 1_000} ${byName.get("jump")?.status}`;
        },
        { timeout: 120_000, intervals: [500] },
      )
      .toBe("ok/true unreachable");

    // The API answers at once, from each cluster's last reading (figures for the report).
    for (const api of ["/api/topology", "/api/clusters/dr/links", "/api/clusters/jump/links/primary-to-jump"]) {
      const t0 = Date.now();
      const res = await request.get(`${E2E_BASE_URL}${api}`);
      console.log(`${api}: ${res.status()} in ${Date.now() - t0} ms`);
    }

    let started = Date.now();
    await page.goto("/");
    await expect(page.getByRole("heading", { name: "Links by state" })).toBeVisible({ timeout: FAST_MS });
    took(started);

    started = Date.now();
    await page.goto("/clusters/dr");
    await expect(page.getByTestId("hosted-links")).toBeVisible({ timeout: FAST_MS });
    took(started);

    started = Date.now();
    await page.goto("/clusters/dr/links/jump-to-dr");
    await expect(page.getByRole("heading", { name: "jump-to-dr" })).toBeVisible({ timeout: FAST_MS });
    await expect(page.getByTestId("partition-states-source")).toBeVisible({ timeout: FAST_MS });
    took(started);

    // The slow cluster is shown as slow, with its measured time, not as down.
    await page.goto("/clusters/cloud");
    await expect(page.getByTestId("slow-badge")).toContainText(/Slow · 1\d\.\d s/, { timeout: FAST_MS });

    started = Date.now();
    await page.goto("/clusters/jump/links/primary-to-jump");
    await expect(page.getByText(/unreachable|refused|could not connect/i).first()).toBeVisible({ timeout: FAST_MS });
    took(started);

    // For a person to judge (not kept in git): the slow and the stopped cluster's pages, light and dark, wide and narrow.
    if (process.env.E2E_SHOTS) {
      for (const scheme of ["light", "dark"] as const) {
        for (const width of [1280, 390]) {
          await page.emulateMedia({ colorScheme: scheme });
          await page.setViewportSize({ width, height: 900 });
          for (const name of ["cloud", "jump"]) {
            await page.goto(`/clusters/${name}`);
            await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
            await page.waitForLoadState("networkidle").catch(() => undefined);
            await page.screenshot({ path: `${process.env.E2E_SHOTS}/${name}-${scheme}-${width}.png`, fullPage: false });
          }
        }
      }
    }
  });
});
