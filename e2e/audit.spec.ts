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

  test("filters by cluster, link, user and time in the URL, exports CSV and JSON, and opens a runbook run's report from an entry", async ({
    page,
    request,
  }) => {
    const run = "e2e-audit-run-1";
    const dry = await request.post("/api/clusters/dr/links/jump-to-dr/mirrors/actions", {
      data: { action: "resume", topics: ["my_test_topic"] },
      headers: { "Idempotency-Key": `${run}:dry1:jump-to-dr:0` },
    });
    expect(dry.status()).toBe(200);

    await page.goto("/audit?cluster=dr&link=jump-to-dr&user=anonymous&action=resume");
    const table = page.getByRole("table", { name: "Audit log, newest first" });
    await expect(table.getByRole("row").filter({ hasText: "resume" }).first()).toContainText("dr/jump-to-dr");
    // Exact: the header's fleet status ("Fleet: all 7 clusters OK") also has "cluster" in its name.
    await expect(page.getByLabel("Cluster", { exact: true })).toHaveValue("dr");
    await page.getByLabel("From (UTC)").fill("2099-01-01T00:00");
    await expect(page).toHaveURL(/from=2099-01-01T00%3A00%3A00.000Z/);
    await expect(page.getByText("No attempt matches these filters.")).toBeVisible();
    await page.getByRole("button", { name: "Clear filters" }).click();
    await expect(page).toHaveURL(/\/audit$/);

    await page.goto("/audit?cluster=dr&action=resume");
    const csv = page.waitForEvent("download");
    await page.getByRole("button", { name: "Export CSV" }).click();
    expect((await csv).suggestedFilename()).toMatch(/^linkscope-audit-.*\.csv$/);
    const json = page.waitForEvent("download");
    await page.getByRole("button", { name: "Export JSON" }).click();
    expect((await json).suggestedFilename()).toMatch(/\.json$/);

    await table
      .getByRole("row")
      .filter({ hasText: "resume" })
      .first()
      .getByRole("button", { name: /Show details/ })
      .click();
    await page.getByRole("link", { name: "Open the report of the runbook run this request belongs to" }).first().click();
    await expect(page).toHaveURL(new RegExp(`run=${run}`));
    await expect(page.getByRole("region", { name: `Report of runbook run ${run}` })).toContainText("1 request recorded, dry runs only");
  });
});
