import { expect, test, type Page } from "@playwright/test";

// At 390 px (a phone) no page scrolls sideways: wide tables scroll inside their own box instead, a box that is `relative` so
// the absolutely positioned screen-reader text inside the table is clipped with it. Each page is measured once the table that
// used to widen it has rendered.

const PAGES: Array<{ path: string; ready: (page: Page) => ReturnType<Page["getByRole"]> }> = [
  { path: "/clusters/cloud/links/onprem-to-cloud", ready: (p) => p.getByRole("table", { name: "Link tasks and their errors" }) },
  { path: "/clusters/jump/links/primary-to-jump", ready: (p) => p.getByRole("table", { name: "Link tasks and their errors" }) },
  { path: "/clusters/cloud", ready: (p) => p.getByRole("table", { name: /Link halves hosted on cloud/ }) },
  // Its per-partition table is 880 px wide in a scroll box; the screen-reader text in its last column once widened the page.
  { path: "/clusters/cloud/links/onprem-to-cloud/mirrors/clickstream", ready: (p) => p.getByRole("table", { name: /Per-partition lag/ }) },
];

test.use({ viewport: { width: 390, height: 844 } });

for (const p of PAGES) {
  test(`${p.path} fits a 390 px screen`, async ({ page }) => {
    // Several reads per page on a shared, busy machine.
    test.setTimeout(60_000);
    await page.goto(p.path);
    await expect(p.ready(page)).toBeVisible({ timeout: 30_000 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
}
