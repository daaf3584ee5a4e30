import { expect, test } from "@playwright/test";

// The audit page: every attempt, dry runs and refusals included, filterable, with per-topic results.

test.describe("audit log", () => {
  test("records a dry run and a refused request, filters them, and opens the per-topic results", async ({ page, request }) => {
    const dry = await request.post("/api/clusters/dr/links/jump-to-dr/mirrors/actions", {
      data: { action: "pause", topics: ["my_test_topic"] },
    });
    expect(dry.status()).toBe(200);
    expect(await dry.json()).toMatchObject({ validateOnly: true, results: [{ topic: "my_test_topic", ok: true }] });
    const refused = await request.post("/api/clusters/dr/links/jump-to-dr/mirrors/actions", {
      data: { action: "failover", topics: ["my_test_topic"], validateOnly: false },
      headers: { origin: "https://evil.example" },
    });
    expect(refused.status()).toBe(403);

    await page.goto("/audit");
    await expect(page.getByRole("heading", { name: "Audit log", level: 1 })).toBeVisible();
    const table = page.getByRole("table", { name: "Audit log, newest first" });
    const dryRow = table.getByRole("row").filter({ hasText: "dr/jump-to-dr" }).filter({ hasText: "pause" }).first();
    await expect(dryRow).toContainText("Dry run");
    await expect(dryRow).toContainText("Succeeded");
    await expect(dryRow).toContainText("anonymous");
    await dryRow.getByRole("button", { name: /Show details/ }).click();
    await expect(page.getByRole("table", { name: /Results of audit entry/ }).first()).toContainText("my_test_topic");

    await page.getByLabel("Outcome").selectOption("denied");
    await expect(page).toHaveURL(/outcome=denied/);
    const deniedRow = table.getByRole("row").filter({ hasText: "dr/jump-to-dr" }).filter({ hasText: "failover" }).first();
    await expect(deniedRow).toContainText("Denied");
    await expect(deniedRow).toContainText("Real");
    await deniedRow.getByRole("button", { name: /Show details/ }).click();
    await expect(page.getByText(/mutations are accepted only from Linkscope's own pages/).first()).toBeVisible();

    await page.getByLabel("Outcome").selectOption("interrupted");
    await expect(page.getByText("No attempt matches these filters.")).toBeVisible();
  });
});
