import { expect, test } from "@playwright/test";

// At 390 px (a phone) no page scrolls sideways: wide tables scroll inside their own box instead.

const PAGES = [
  { path: "/clusters/cloud/links/onprem-to-cloud", ready: "Mirror topics" },
  { path: "/clusters/jump/links/primary-to-jump", ready: "Mirror topics" },
  { path: "/clusters/cloud/links/onprem-to-cloud/mirrors/clickstream", ready: "Partitions" },
  { path: "/clusters/cloud", ready: "Links hosted on this cluster" },
];

test.use({ viewport: { width: 390, height: 844 } });

for (const p of PAGES) {
  test(`${p.path} fits a 390 px screen`, async ({ page }) => {
    await page.goto(p.path);
    await expect(page.getByRole("heading", { name: p.ready }).first()).toBeVisible();
    // Tables and charts fill in after their reads: wait for the network to settle before measuring.
    await page.waitForLoadState("networkidle");
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
}
