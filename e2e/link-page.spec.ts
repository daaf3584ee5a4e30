import { expect, test, type APIRequestContext } from "@playwright/test";
import { LinkPage, MirrorPage } from "./pages/link-page";
import { E2E_ADMIN_URL } from "./support/ports";

/** Moves the simulator's manual clock: lag changes only when the test says so. */
async function advanceSimulatedTime(request: APIRequestContext, ms: number) {
  const res = await request.post(`${E2E_ADMIN_URL}/clock`, { data: { advanceMs: ms } });
  expect(res.ok(), await res.text()).toBe(true);
}

async function stopCluster(request: APIRequestContext, name: string) {
  const res = await request.post(`${E2E_ADMIN_URL}/clusters/${name}/stop`);
  expect(res.ok(), await res.text()).toBe(true);
}

async function startCluster(request: APIRequestContext, name: string) {
  const res = await request.post(`${E2E_ADMIN_URL}/clusters/${name}/start`);
  expect(res.ok(), await res.text()).toBe(true);
}

test.describe("link page", () => {
  test("a source-initiated link shows both halves, their modes and states, and who dials whom", async ({ page }) => {
    const link = new LinkPage(page);
    await link.goto("jump", "primary-to-jump");
    await expect(page.getByText("Source-initiated", { exact: true })).toBeVisible();
    await expect(link.half("jump")).toContainText("DESTINATION");
    await expect(link.half("jump")).toContainText("INBOUND");
    await expect(link.half("jump")).toContainText("ACTIVE");
    await expect(link.half("primary")).toContainText("SOURCE");
    await expect(link.half("primary")).toContainText("OUTBOUND");
    await expect(link.half("primary")).toContainText("ACTIVE");
    await expect(page.getByText("connection opened by: primary → jump")).toBeVisible();
    await expect(page.getByText("data: primary → jump")).toBeVisible();
  });

  test("the source half says no mirrors live there and links to the destination half", async ({ page }) => {
    const link = new LinkPage(page);
    await link.goto("primary", "primary-to-jump");
    await expect(page.getByRole("heading", { name: /This is the source half/ })).toBeVisible();
    await expect(link.mirrorsTable).toHaveCount(0);
    await page.getByRole("link", { name: "Open the destination half on jump" }).click();
    await expect(page).toHaveURL(/\/clusters\/jump\/links\/primary-to-jump$/);
    await expect(link.mirrorRow("my_test_topic")).toBeVisible();
  });

  test("a link that does not exist is said so once, with nothing below the header to load or act on", async ({ page }) => {
    const link = new LinkPage(page);
    await link.goto("jump", "no-such-link");
    await expect(page.getByText("Not found: link no-such-link.")).toHaveCount(1);
    await expect(page.getByText("Check the name in the address", { exact: false })).toBeVisible();
    // The mirror actions panel loads after the page's first code: give it the time it would take to appear.
    await page.waitForLoadState("networkidle");
    await expect(page.getByRole("heading", { name: "Mirror actions" })).toHaveCount(0);
    await expect(page.getByRole("heading", { name: "Tasks" })).toHaveCount(0);
  });

  test("link tasks show their states, and the AclSync task in error with its code and message", async ({ page }) => {
    const link = new LinkPage(page);
    await link.goto("dr", "jump-to-dr");
    await expect(link.task("TopicConfigsSync")).toContainText("ACTIVE");
    await expect(link.task("AclSync")).toContainText("IN_ERROR");
    await expect(link.task("AclSync")).toContainText("MISCONFIGURATION_ERROR: acl.filters is not valid JSON");
    await expect(page.getByRole("region", { name: "Link tasks" })).toContainText("1 of 4 in error");
    // The config behind the error is flagged where it is shown.
    await expect(page.getByTestId("config-acl.filters")).toContainText("Not valid JSON");
  });

  test("mirror partition states are counted per category and marked as reported", async ({ page }) => {
    const link = new LinkPage(page);
    await link.goto("cloud", "onprem-to-cloud");
    await expect(page.getByTestId("partition-states-source")).toContainText("Reported by the cluster");
    // orders 6 + inventory 3 + clickstream 12 active; legacy_audit's 3 partitions failed with its deleted source.
    await expect(link.partitionState("ACTIVE")).toContainText("21");
    await expect(link.partitionState("IN_ERROR")).toContainText("3");
    await expect(link.partitionState("PAUSED")).toContainText("0");
  });

  test("the mirrors table filters and sorts through the URL", async ({ page }) => {
    const link = new LinkPage(page);
    await link.goto("cloud", "onprem-to-cloud", "?status=FAILED");
    await expect(link.statusFilter).toHaveValue("FAILED");
    await expect(link.mirrorsCount).toHaveText("Showing 1 of 4 mirrors");
    expect(await link.mirrorNames()).toEqual(["legacy_audit"]);
    await expect(link.mirrorRow("legacy_audit")).toContainText("SOURCE_TOPIC_MAY_BE_DELETED");

    await link.statusFilter.selectOption("");
    await expect(page).not.toHaveURL(/status=/);
    await link.search.fill("CLICK");
    await expect(page).toHaveURL(/[?&]q=CLICK/);
    await expect(link.mirrorsCount).toHaveText("Showing 1 of 4 mirrors");
    expect(await link.mirrorNames()).toEqual(["clickstream"]);

    await page.getByRole("button", { name: "Clear filters" }).click();
    await expect(page).not.toHaveURL(/q=/);
    await link.sortBy(/Max lag/);
    await expect(page).toHaveURL(/[?&]sort=maxLag/);
    await expect.poll(async () => (await link.mirrorNames())[0]).toBe("clickstream");
    await link.sortBy(/^Mirror/);
    await expect(page).toHaveURL(/[?&]sort=name/);
    await expect.poll(() => link.mirrorNames()).toEqual(["clickstream", "inventory", "legacy_audit", "orders"]);

    // The URL alone reproduces the view.
    await page.reload();
    await expect.poll(() => link.mirrorNames()).toEqual(["clickstream", "inventory", "legacy_audit", "orders"]);
  });

  test("an unreachable cluster is named, the page says the data will come back, and it does", async ({ page, request }) => {
    // Two waits of up to 20 s each (going down, coming back through the client's cool-down): more than the default 30 s.
    test.setTimeout(60_000);
    const link = new LinkPage(page);
    await link.goto("dr", "jump-to-dr");
    await expect(link.task("AclSync")).toBeVisible();
    await stopCluster(request, "dr");
    try {
      const notice = page.locator("header").getByRole("alert");
      await expect(notice).toContainText("Cluster dr is unreachable.", { timeout: 20_000 });
      await expect(notice).toContainText("will appear again as soon as dr answers");
      // The last data stays on screen, marked stale.
      await expect(link.task("AclSync")).toBeVisible();
    } finally {
      await startCluster(request, "dr");
    }
    await expect(page.getByText("Cluster dr is unreachable.")).toHaveCount(0, { timeout: 20_000 });
    await expect(link.task("AclSync")).toContainText("IN_ERROR");
  });

  test("10,000 mirrors stay a few dozen DOM rows and scroll to the end", async ({ page }) => {
    const mirrors = Array.from({ length: 10_000 }, (_, i) => ({
      name: `m-${String(i).padStart(5, "0")}`,
      sourceTopic: `m-${String(i).padStart(5, "0")}`,
      status: i % 1000 === 7 ? "PAUSED" : "ACTIVE",
      partitions: 6,
      maxLag: i,
      totalLag: i * 6,
      stateTimeMs: Date.now() - 60_000,
      error: null,
      flowing: true,
      staleSince: null,
      lagSeconds: null,
      problems: [],
    }));
    await page.route("**/api/clusters/cloud/links/onprem-to-cloud/mirrors", (route) =>
      route.fulfill({ json: { mirrors, asOf: Date.now() } }),
    );
    const link = new LinkPage(page);
    await link.goto("cloud", "onprem-to-cloud");
    await expect(link.mirrorsCount).toHaveText("10,000 mirrors");
    await expect(link.mirrorsTable).toHaveAttribute("aria-rowcount", "10001");
    // Worst first: the ten paused mirrors, biggest lag first.
    await expect.poll(async () => (await link.mirrorNames())[0]).toBe("m-09007");
    expect(await page.locator("[data-testid^=mirror-row-]").count()).toBeLessThanOrEqual(200);
    await page.getByTestId("mirrors-scroll").evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await expect(link.mirrorRow("m-00000")).toBeVisible();
    expect(await page.locator("[data-testid^=mirror-row-]").count()).toBeLessThanOrEqual(200);
    await link.search.fill("m-0420");
    await expect(link.mirrorsCount).toHaveText("Showing 10 of 10,000 mirrors");
  });

  test("a paused mirror shows PAUSED", async ({ page }) => {
    const link = new LinkPage(page);
    await link.goto("us-west", "east-west");
    await expect(link.mirrorRow("east.payments")).toContainText("PAUSED");
    await expect(link.mirrorRow("east.orders")).toContainText("ACTIVE");
    await link.statusFilter.selectOption("PAUSED");
    await expect(page).toHaveURL(/[?&]status=PAUSED/);
    await expect.poll(() => link.mirrorNames()).toEqual(["east.payments"]);
  });
});

test.describe("mirror page", () => {
  test("the per-partition table shows lag, last fetch offset and the derived source end offset", async ({ page }) => {
    const link = new LinkPage(page);
    await link.goto("cloud", "onprem-to-cloud");
    await link.mirrorRow("clickstream").getByRole("link", { name: "clickstream" }).click();
    const mirror = new MirrorPage(page);
    await expect(page.getByRole("heading", { level: 1, name: "clickstream" })).toBeVisible();
    await expect(mirror.partitionTable.locator("tbody tr")).toHaveCount(12);
    for (const p of [0, 5, 11]) {
      const { lag, fetch, end } = await mirror.partitionNumbers(p);
      expect(lag).toBeGreaterThan(0);
      expect(end).toBe(fetch + lag);
    }
  });

  test("lag grows on screen when simulated time passes and the source outruns the link", async ({ page, request }) => {
    const mirror = new MirrorPage(page);
    await mirror.goto("cloud", "onprem-to-cloud", "clickstream");
    await expect(mirror.partitionRow(0)).toBeVisible();
    const before = await mirror.partitionNumbers(0);
    // clickstream: 50 msg/s per partition produced, 20 fetched: lag grows by about 30 a second.
    await advanceSimulatedTime(request, 60_000);
    await expect.poll(async () => (await mirror.partitionNumbers(0)).lag, { timeout: 15_000 }).toBeGreaterThan(before.lag + 1_000);
    const after = await mirror.partitionNumbers(0);
    expect(after.end).toBe(after.fetch + after.lag);
    expect(after.fetch).toBeGreaterThan(before.fetch);
  });

  test("a lag spike made by simulated time shows up in the per-partition lag chart", async ({ page, request }) => {
    const mirror = new MirrorPage(page);
    await mirror.goto("cloud", "onprem-to-cloud", "clickstream");
    await page.getByRole("group", { name: "Time range" }).getByTitle("last 15 minutes").click();
    await expect(page.getByRole("radio", { name: /^15 m/ })).toBeChecked();
    await expect(page).toHaveURL(/[?&]range=15m/);
    // The sampler records on its own interval; wait for the first points, then jump ten simulated minutes.
    await expect.poll(() => mirror.chartLatestMaxLag(), { timeout: 45_000 }).not.toBeNull();
    const before = (await mirror.chartLatestMaxLag())!;
    await advanceSimulatedTime(request, 600_000);
    // clickstream falls behind by about 30 messages a second per partition: ten minutes add about 18,000.
    await expect.poll(() => mirror.chartLatestMaxLag(), { timeout: 45_000 }).toBeGreaterThan(before + 10_000);
  });

  test("a failed mirror shows its error and its state transition error", async ({ page }) => {
    const mirror = new MirrorPage(page);
    await mirror.goto("cloud", "onprem-to-cloud", "legacy_audit");
    await expect(page.locator("header", { hasText: "Mirror topic" })).toContainText("FAILED");
    await expect(page.getByText("SOURCE_TOPIC_MAY_BE_DELETED").first()).toBeVisible();
    await expect(page.getByRole("list", { name: "State transition errors" })).toContainText(
      /source topic 'legacy_audit' may have been deleted/,
    );
  });
});
