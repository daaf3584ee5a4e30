import { expect, test, type Page } from "@playwright/test";
import { LinkPage } from "./pages/link-page";

const SHOTS = process.env.E2E_SCREENSHOT_DIR;

async function shoot(page: Page, name: string) {
  if (!SHOTS) return;
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.locator("#consumer-groups-heading").scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/${name}-${scheme}-${width}.png`, fullPage: false });
    }
  }
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 1280, height: 720 });
}

function panel(page: Page) {
  return page.getByRole("region", { name: "Consumer groups" });
}

function group(page: Page, name: string) {
  return panel(page).getByTestId("consumer-group").filter({ has: page.getByText(name, { exact: true }) });
}

// The link page loads a dozen widgets; on a loaded machine the first paint can take a while.
const FIRST_PAINT = { timeout: 60_000 };

test.describe("consumer groups panel", () => {
  test.describe.configure({ timeout: 150_000 });
  test("says per group whether it would resume on the destination, flags members already there, and says what to fix", async ({ page }) => {
    const link = new LinkPage(page);
    await link.goto("cloud", "onprem-to-cloud");
    await expect(panel(page).getByText(/Consumer offset sync: on, every 30 s/)).toBeVisible(FIRST_PAINT);
    await expect(group(page, "inventory-sync")).toContainText("1 member already on cloud");
    await expect(group(page, "inventory-sync")).toContainText("Starts from reset policy");
    await expect(group(page, "tmp-debug-console")).toContainText("Starts from reset policy");
    await expect(group(page, "tmp-debug-console")).toContainText("left out");
    await expect(group(page, "order-service")).toContainText(/Resumes in place|Re-reads [\d,]+ messages/);
    await expect(group(page, "order-service")).toContainText("orders");
    const fixes = panel(page).getByRole("region", { name: "What to fix" });
    await expect(fixes).toContainText("find and stop what reads there before failing over");
    await expect(fixes).toContainText("Widen consumer.offset.group.filters to include tmp-debug-console");
    await expect(fixes.getByText(/confluent kafka link configuration update onprem-to-cloud --cluster lkc-c10ud7 --config 'consumer\.offset\.group\.filters=/)).toBeVisible();
    await group(page, "order-service").getByText(/Offsets per partition/).click();
    await expect(group(page, "order-service").getByRole("table")).toContainText("orders-0");
    await shoot(page, "consumer-groups-cloud");
  });

  test("on a link with offset sync off, every group starts from its reset policy and the fix enables sync", async ({ page }) => {
    const link = new LinkPage(page);
    await link.goto("dr", "jump-to-dr");
    await expect(panel(page).getByText("Consumer offset sync: off.")).toBeVisible(FIRST_PAINT);
    await expect(group(page, "jump-audit")).toContainText("Starts from reset policy");
    const fixes = panel(page).getByRole("region", { name: "What to fix" });
    await expect(fixes.getByText("confluent kafka link configuration update jump-to-dr --cluster lkc-d9r3kv --config consumer.offset.sync.enable=true")).toBeVisible();
    await expect(fixes).toContainText('/kafka/v3/clusters/lkc-d9r3kv/links/jump-to-dr/configs/consumer.offset.sync.enable');
    await shoot(page, "consumer-groups-dr");
  });

  test("the source half of a source-initiated link has no consumer groups panel (the destination half does)", async ({ page }) => {
    const link = new LinkPage(page);
    await link.goto("onprem", "onprem-to-cloud");
    await expect(page.getByRole("heading", { name: /This is the source half/ })).toBeVisible(FIRST_PAINT);
    await expect(panel(page)).toHaveCount(0);
  });

  test("the failover runbook's Consumers step shows the verdicts of the link in scope, after readiness", async ({ page }) => {
    await page.goto("/failover?cluster=cloud&scope=link&links=onprem-to-cloud");
    const step = page.getByRole("region", { name: "Step 3: Consumers" });
    await expect(step.getByTestId("consumer-group").first()).toBeVisible(FIRST_PAINT);
    await expect(step.getByTestId("consumer-group").filter({ hasText: "inventory-sync" })).toContainText("1 member already on cloud");
    await expect(step.getByTestId("consumer-group").filter({ hasText: "tmp-debug-console" })).toContainText("Starts from reset policy");
    await expect(step.getByRole("region", { name: "What to fix" })).toContainText("Widen consumer.offset.group.filters");
    await expect(page.getByRole("region", { name: "Step 2: Readiness" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Step 4: Promote or failover" })).toBeVisible();
    if (SHOTS) {
      for (const scheme of ["light", "dark"] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        for (const width of [1280, 390]) {
          await page.setViewportSize({ width, height: 900 });
          await step.scrollIntoViewIfNeeded();
          await page.screenshot({ path: `${SHOTS}/runbook-consumers-${scheme}-${width}.png` });
        }
      }
    }
  });
});
