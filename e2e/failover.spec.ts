import { expect, test } from "@playwright/test";
import { DrillAdmin, FailoverPage } from "./pages/failover-page";

// DR drills on the demo fleet's seed chain and active-active pair. Each test acts on topics it creates itself (no
// other spec relies on them), drives simulated time through the admin API, and restores any outage it causes.

const RUN = Date.now().toString(36);
const PROMOTE = `mirror_me_e2e_promote_${RUN}`;
const PAUSED = `mirror_me_e2e_paused_${RUN}`;
const FAILOVER = `mirror_me_e2e_failover_${RUN}`;
const RESTORE = `e2e_restore_${RUN}`;
const SLOW = { timeout: 20_000 };

test.describe.configure({ mode: "serial" });

async function actionApi(request: import("@playwright/test").APIRequestContext, cluster: string, link: string, body: Record<string, unknown>) {
  const res = await request.post(`/api/clusters/${cluster}/links/${link}/mirrors/actions`, { data: body });
  expect(res.status()).toBe(200);
  return res.json() as Promise<{ results: Array<{ ok: boolean }> }>;
}

test.describe("failover runbook", () => {
  test.beforeAll(async ({ request }) => {
    const admin = new DrillAdmin(request);
    // Topics named mirror_me_* are picked up by primary-to-jump's auto-create filter on its next scan.
    await admin.createTopic("primary", PROMOTE, 1, 3000);
    await admin.createTopic("primary", PAUSED, 1, 0);
    await admin.createTopic("primary", FAILOVER, 1, 3000);
    await admin.advance(15_000);
  });

  test("before a scope is chosen, no step claims anything about mirrors", async ({ page }) => {
    await page.goto("/failover");
    await expect(page.getByRole("heading", { name: "Failover runbook", level: 1 })).toBeVisible();
    const choice = page.getByRole("region", { name: /Promote or failover/ });
    await expect(choice).toContainText("Choose the scope first.");
    await expect(page.getByTestId("recommendation")).toHaveCount(0);
    await expect(page.getByText("every mirror has caught up")).toHaveCount(0);
  });

  test("a planned promote: readiness, dry run with a failing topic reported, typed confirmation, waits for zero lag, STOPPED, report", async ({ page, request }) => {
    const admin = new DrillAdmin(request);
    const runbook = new FailoverPage(page);
    const paused = await actionApi(request, "jump", "primary-to-jump", { action: "pause", topics: [PAUSED], validateOnly: false });
    expect(paused.results[0]?.ok).toBe(true);

    await runbook.gotoScope("jump", "primary-to-jump");
    await runbook.includeOnly([PROMOTE, PAUSED]);
    await expect(runbook.readinessRow(PROMOTE)).toContainText(/messages/);
    await expect(runbook.readinessRow(PAUSED)).toContainText("PAUSED", SLOW);
    await expect(page.getByTestId("readiness-summary")).toContainText("Promote: Blocked");
    await runbook.action("Promote").check();

    await runbook.dryRunButton.click();
    await expect(runbook.dryRunRow(PROMOTE)).toContainText("Would succeed");
    await expect(runbook.dryRunRow(PAUSED)).toContainText("Would fail");
    await expect(runbook.dryRunRow(PAUSED)).toContainText(/promote needs an ACTIVE mirror/);
    await expect(page.getByText(/1 would succeed, 1 would fail/).first()).toBeVisible();

    const execute = runbook.executeButton("Promote", "jump");
    await expect(execute).toBeDisabled();
    await runbook.confirmInput("jump").fill("jum");
    await expect(execute).toBeDisabled();
    await runbook.confirmInput("jump").fill("jump");
    await expect(execute).toBeEnabled();
    await execute.click();

    // Promote waits: the source keeps producing faster than the link copies.
    await expect(runbook.progressRow(PROMOTE)).toContainText("PENDING_STOPPED", SLOW);
    await expect(runbook.progressSummary).toContainText("0 of 1 accepted topics reached STOPPED");
    await admin.setProduceRate("primary", PROMOTE, 0);
    await admin.advance(120_000);
    await expect(runbook.progressSummary).toContainText("1 of 1 accepted topics reached STOPPED", SLOW);
    await expect(runbook.progressRow(PROMOTE)).toContainText("STOPPED");
    await expect(runbook.reportOutcome).toContainText("Completed: all 1 sent topics reached STOPPED. 1 failed the dry run and was not sent.");
    // The Consumers step turns into the checklist of applications to move, and the report carries it.
    await expect(page.getByRole("region", { name: "Groups to move" })).toContainText("Groups to move to jump");
    await expect(page.getByRole("region", { name: "Groups to move" })).toContainText("app-orders");

    const md = await runbook.downloadReport("Markdown");
    expect(md.name).toMatch(/^linkscope-promote-jump-.*\.md$/);
    expect(md.text).toContain("# Promote on jump");
    expect(md.text).toContain(`confluent kafka mirror promote ${PROMOTE} --link primary-to-jump --cluster lkc-j4mp2x`);
    expect(md.text).toMatch(/Measured time to complete:\*\* \d+\.\d s/);
    expect(md.text).toContain("## Consumer groups to move to jump");
    expect(md.text).toMatch(/- \[ \] `app-orders` \(primary-to-jump: /);
    const json = JSON.parse((await runbook.downloadReport("JSON")).text) as { action: string; topics: Array<{ topic: string; finalStatus: string | null; execute: string }> };
    expect(json.action).toBe("promote");
    expect(json.topics).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ topic: PROMOTE, finalStatus: "STOPPED", execute: "accepted" }),
        expect.objectContaining({ topic: PAUSED, execute: "not sent" }),
      ]),
    );
  });

  test("the link page's mirror actions: pick a mirror by filter, dry run, confirm, watch it reach ACTIVE", async ({ page }) => {
    await page.goto("/clusters/jump/links/primary-to-jump");
    const panel = page.getByRole("region", { name: "Mirror actions" });
    await panel.getByLabel("Filter by name").fill(PAUSED);
    await panel.getByRole("checkbox", { name: `Select ${PAUSED}` }).check();
    await expect(panel.getByText("1 of ")).toBeVisible();
    await panel.getByText("Resume", { exact: true }).click();
    await panel.getByRole("button", { name: "Dry run: resume 1 topic" }).click();
    await expect(panel.getByTestId(`dry-run-row-${PAUSED}`)).toContainText("Would succeed");
    // Resume is reversible: no typed confirmation.
    await panel.getByRole("button", { name: "Resume 1 topic on jump" }).click();
    await expect(panel.getByTestId(`progress-row-${PAUSED}`)).toContainText("ACTIVE", SLOW);
    await expect(panel.getByTestId("run-report-outcome")).toContainText("Completed: all 1 sent topics reached ACTIVE.");
  });

  test("a failover after PRIMARY goes dark: promote blocked, data at risk shown before, STOPPED after", async ({ page, request }) => {
    const admin = new DrillAdmin(request);
    const runbook = new FailoverPage(page);
    await admin.stopCluster("primary");
    try {
      await runbook.gotoScope("jump", "primary-to-jump");
      await runbook.includeOnly([FAILOVER]);
      await expect(page.getByTestId("readiness-summary")).toContainText("Promote: Blocked", SLOW);
      await expect(page.getByTestId("recommendation")).toContainText("Promote cannot run");
      await expect(runbook.readinessRow(FAILOVER)).toContainText(/[\d,]+ messages/);
      await expect(runbook.action("Failover")).toBeChecked();

      await runbook.dryRunButton.click();
      await expect(runbook.dryRunRow(FAILOVER)).toContainText("Would succeed");
      await runbook.confirmInput("jump").fill("jump");
      await runbook.executeButton("Failover", "jump").click();
      await expect(runbook.progressRow(FAILOVER)).toContainText("STOPPED", SLOW);
      await expect(runbook.reportOutcome).toContainText("Completed: all 1 sent topics reached STOPPED.");
    } finally {
      await admin.startCluster("primary");
    }
  });

  test("failback: a truncate-and-restore dry run lists the messages it would delete per partition, and deletes nothing", async ({ page, request }) => {
    const admin = new DrillAdmin(request);
    const runbook = new FailoverPage(page);
    await admin.createTopic("us-east", RESTORE, 2, 100);
    await admin.createMirror("us-west", "east-west", RESTORE);
    await admin.advance(5_000);
    const failedOver = await actionApi(request, "us-west", "east-west", { action: "failover", topics: [`east.${RESTORE}`], validateOnly: false });
    expect(failedOver.results[0]?.ok).toBe(true);
    // us-east keeps taking writes the failed-over side never saw.
    await admin.advance(30_000);

    await runbook.gotoFailback("us-east", "east-west", "truncate-and-restore");
    const include = page.getByRole("checkbox", { name: `Include ${RESTORE}` });
    await expect(include).toBeChecked(SLOW);
    for (const box of await page.getByRole("checkbox", { name: /^Include / }).all()) if ((await box.getAttribute("aria-label")) !== `Include ${RESTORE}`) await box.uncheck();

    await page.getByRole("button", { name: /^Dry run: truncate and restore 1 topic$/ }).click();
    const row = runbook.dryRunRow(RESTORE);
    await expect(row).toContainText("Would succeed");
    const table = row.getByRole("table", { name: `Messages truncated per partition of ${RESTORE}` });
    await expect(table).toBeVisible();
    await expect(table.getByRole("row")).toHaveCount(3);
    await expect(table).toContainText(/[1-9][\d,]*/);
    await expect(runbook.confirmInput("us-east")).toBeVisible();

    // Still a plain topic: nothing was truncated or restored.
    const mirror = await request.get(`/api/clusters/us-east/links/east-west/mirrors/${RESTORE}`);
    expect(mirror.status()).toBe(404);
  });

  test("the audit log has every one of these attempts", async ({ page }) => {
    await page.goto("/audit?action=promote");
    const table = page.getByRole("table", { name: "Audit log, newest first" });
    await expect(table.getByRole("row").filter({ hasText: "jump/primary-to-jump" }).filter({ hasText: "Dry run" }).first()).toBeVisible();
    await expect(table.getByRole("row").filter({ hasText: "jump/primary-to-jump" }).filter({ hasText: "Real" }).filter({ hasText: "Succeeded" }).first()).toBeVisible();
    await page.goto("/audit?action=failover");
    await expect(table.getByRole("row").filter({ hasText: "us-west/east-west" }).filter({ hasText: "Real" }).first()).toBeVisible();
    await expect(table.getByRole("row").filter({ hasText: "jump/primary-to-jump" }).filter({ hasText: "Real" }).first()).toBeVisible();
    await page.goto("/audit?action=truncate-and-restore");
    const restore = table.getByRole("row").filter({ hasText: "us-east/east-west" }).first();
    await expect(restore).toContainText("Dry run");
    await restore.getByRole("button", { name: /Show details/ }).click();
    await expect(page.getByRole("table", { name: /Results of audit entry/ })).toContainText(RESTORE);
  });
});
