import { expect, test } from "@playwright/test";
import { SimulatorAdmin } from "./support/simulator-admin";
import { E2E_BASE_URL } from "./support/ports";

/*
 * A cluster that goes down after a good reading: its pages, opened fresh (nothing cached in the browser), show the
 * unreachable banner and, under it, what Linkscope last knew, labelled "last known as of T", instead of a blank page.
 */

const PAGES = {
  cluster: "/clusters/dr",
  link: "/clusters/dr/links/jump-to-dr",
  mirror: "/clusters/dr/links/jump-to-dr/mirrors/my_test_topic",
};

test.describe("a cluster known to be down", () => {
  test.afterEach(async ({ request }) => {
    await new SimulatorAdmin(request).startCluster("dr");
  });

  test("its cluster, link and mirror pages show the last known figures under the unreachable banner", async ({ page, request }) => {
    test.setTimeout(180_000);
    // A first good reading of dr, then dr goes down; wait (by asking) until the dashboard knows.
    expect((await request.get(`${E2E_BASE_URL}/api/clusters/dr/links`)).status()).toBe(200);
    await new SimulatorAdmin(request).stopCluster("dr");
    await expect
      .poll(async () => (await request.get(`${E2E_BASE_URL}/api/clusters/dr/links`)).status(), { timeout: 60_000, intervals: [500] })
      .toBe(503);
    await page.goto(PAGES.link);
    await expect(
      page
        .getByRole("alert")
        .filter({ hasText: /unreachable|refused|could not connect/i })
        .first(),
    ).toBeVisible();
    await expect(page.getByTestId("last-known-as-of").first()).toContainText(/last known as of \d{1,2}:\d{2}:\d{2}/);
    await expect(page.getByTestId("mirror-row-my_test_topic")).toBeVisible();
    await expect(page.getByTestId("partition-states-source")).toBeVisible();
    // No dry run to press that could only fail: the actions panel says why, and when its list was true.
    const actions = page.getByRole("region", { name: "Mirror actions" });
    await actions.getByRole("checkbox", { name: "Select my_test_topic" }).check();
    await expect(actions.getByTestId("actions-need-cluster")).toContainText(
      /Linkscope cannot read dr's mirrors now, so no action can run on them.*last known as of/,
    );
    await expect(actions.getByRole("button", { name: /^Dry run/ })).toHaveCount(0);

    await page.goto(PAGES.cluster);
    await expect(page.getByTestId("cluster-reason")).toBeVisible();
    await expect(page.getByTestId("last-known-as-of").first()).toBeVisible();
    await expect(page.getByTestId("hosted-links")).toContainText("jump-to-dr");

    await page.goto(PAGES.mirror);
    await expect(page.getByTestId("last-known-as-of").first()).toBeVisible();
    await expect(page.getByRole("heading", { name: "my_test_topic" })).toBeVisible();
    await expect(page.getByText("Not available while the mirror cannot be read.")).toBeVisible();

    // For a person to judge (not kept in git): light and dark, wide and narrow.
    if (process.env.E2E_SHOTS) {
      for (const scheme of ["light", "dark"] as const) {
        for (const width of [1280, 390]) {
          await page.emulateMedia({ colorScheme: scheme });
          await page.setViewportSize({ width, height: 900 });
          for (const [name, path] of Object.entries(PAGES)) {
            await page.goto(path);
            await expect(page.getByTestId("last-known-as-of").first()).toBeVisible();
            await page.screenshot({ path: `${process.env.E2E_SHOTS}/last-known-${name}-${scheme}-${width}.png`, fullPage: false });
          }
        }
      }
    }
  });
});
