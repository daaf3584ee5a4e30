import { expect, test, type Page } from "@playwright/test";

// At 390 px (a phone) no page scrolls sideways: wide tables scroll inside their own box instead. Each page is measured
// once the table that used to widen it has rendered.

const PAGES: Array<{ path: string; ready: (page: Page) => ReturnType<Page["getByRole"]> }> = [
  { path: "/clusters/cloud/links/onprem-to-cloud", ready: (p) => p.getByRole("table", { name: "Link tasks and their errors" }) },
  { path: "/clusters/jump/links/primary-to-jump", ready: (p) => p.getByRole("table", { name: "Link tasks and their errors" }) },
  { path: "/clusters/cloud", ready: (p) => p.getByRole("table", { name: /Link halves hosted on cloud/ }) },
];

test.use({ viewport: { width: 390, height: 844 } });

// Known and not fixed yet: the mirror page measures 913 px once its per-partition table (min-width 880 px, in a scroll
// box) has rendered, so some ancestor sizes to its content. Kept here so the fix has a test waiting for it.
test.fixme("/clusters/cloud/links/onprem-to-cloud/mirrors/clickstream fits a 390 px screen", async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto("/clusters/cloud/links/onprem-to-cloud/mirrors/clickstream");
  await expect(page.getByRole("table", { name: /Per-partition lag/ })).toBeVisible({ timeout: 30_000 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

for (const p of PAGES) {
  test(`${p.path} fits a 390 px screen`, async ({ page }) => {
    // Several reads per page on a shared, busy machine.
    test.setTimeout(60_000);
    await page.goto(p.path);
    await expect(p.ready(page)).toBeVisible({ timeout: 30_000 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
}
