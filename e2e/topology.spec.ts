import { expect, test } from "@playwright/test";
import { TopologyPage } from "./pages/topology-page";
import { SimulatorAdmin } from "./support/simulator-admin";
import { E2E_POLL_INTERVAL_SECONDS } from "./support/ports";

interface TopologyJson {
  clusters: { name: string; status: string }[];
  links: { id: string; name: string; state: string; problems: { code: string; message: string }[] }[];
}

test.describe("topology page", () => {
  test("draws every demo cluster, with the legend and the fleet summary", async ({ page, request }) => {
    const topology = (await (await request.get("/api/topology")).json()) as TopologyJson;
    const graph = new TopologyPage(page);
    const workers: string[] = [];
    page.on("worker", (worker) => workers.push(worker.url()));
    await graph.goto();
    expect((await graph.graphClusters()).sort()).toEqual(topology.clusters.map((c) => c.name).sort());
    // Laid out in a worker thread, so that a large fleet's layout never freezes the page (the fallback is the page's own).
    expect(workers.some((url) => new URL(url).pathname.startsWith("/_next/static/"))).toBe(true);
    for (const name of ["primary", "jump", "dr"]) await expect(graph.node(name)).toContainText("OK");
    await expect(graph.legend).toContainText("Data flow");
    await expect(graph.legend).toContainText("Connection");
    await expect(graph.legend).toContainText("dials (plug)");
    await expect(graph.summary.getByRole("heading", { name: "Links by state" })).toBeVisible();
    await expect(graph.summary.getByRole("heading", { name: /Problems \(\d+\)/ })).toBeVisible();
  });

  test("primary-to-jump (source-initiated): connection and data flow both go primary → jump", async ({ page }) => {
    const graph = new TopologyPage(page);
    await graph.goto();
    expect(await graph.directions("flow", "primary-to-jump")).toEqual(["primary>jump"]);
    expect(await graph.directions("connection", "primary-to-jump")).toEqual(["primary>jump"]);
    const plug = graph.edgeLabel("connection", "primary-to-jump");
    await expect(plug).toHaveAttribute("data-from", "primary");
    await expect(plug).toHaveAttribute("aria-label", /PRIMARY \(private\) dials JUMP \(public\)/);
    const label = graph.edgeLabel("flow", "primary-to-jump");
    await expect(label).toHaveAttribute("aria-label", /data flows from PRIMARY \(private\) to JUMP \(public\)/);
    await expect(label).toContainText(/\d+ mirrors?max lag [\d.,KM]+ msgs?/);
    // Every line of the label is read in full: none is cut to an ellipsis (the lag's figure and unit were, once).
    const cut = await label.evaluate((el) =>
      Array.from(el.querySelectorAll("span"))
        .filter((s) => s.scrollWidth > s.clientWidth + 1)
        .map((s) => s.textContent),
    );
    expect(cut).toEqual([]);
  });

  test("jump-to-dr (destination-initiated): dr dials jump while data flows jump → dr", async ({ page }) => {
    const graph = new TopologyPage(page);
    await graph.goto();
    expect(await graph.directions("flow", "jump-to-dr")).toEqual(["jump>dr"]);
    expect(await graph.directions("connection", "jump-to-dr")).toEqual(["dr>jump"]);
    await expect(graph.edgeLabel("connection", "jump-to-dr")).toHaveAttribute("aria-label", /DR \(private\) dials JUMP \(public\)/);
  });

  test("east-west (bidirectional) draws flows and connections both ways", async ({ page }) => {
    const graph = new TopologyPage(page);
    await graph.goto();
    expect(await graph.directions("flow", "east-west")).toEqual(["us-east>us-west", "us-west>us-east"]);
    expect(await graph.directions("connection", "east-west")).toEqual(["us-east>us-west", "us-west>us-east"]);
  });

  test("selecting jump highlights primary upstream and dr downstream, dims the rest, and keeps it in the URL", async ({ page }) => {
    const graph = new TopologyPage(page);
    await graph.goto();
    await graph.selectCluster("jump");
    await expect(graph.node("jump")).toHaveAttribute("data-role", "selected");
    await expect(graph.node("primary")).toHaveAttribute("data-role", "upstream");
    await expect(graph.node("dr")).toHaveAttribute("data-role", "downstream");
    await expect(graph.node("cloud")).toHaveAttribute("data-role", "outside");
    await expect(page.getByTestId("selection-bar")).toContainText("JUMP (public): fed by PRIMARY (private); feeds DR (private)");
    await expect(page).toHaveURL(/[?&]cluster=jump/);
    await page.reload();
    await expect(graph.node("dr")).toHaveAttribute("data-role", "downstream");
    await page.getByRole("button", { name: "Clear selection" }).click();
    await expect(graph.node("dr")).toHaveAttribute("data-role", "none");
    await expect(page).not.toHaveURL(/cluster=/);
  });

  test("a dragged card stays where it was put across refreshes and reloads, until Reset layout", async ({ page }) => {
    const graph = new TopologyPage(page);
    await graph.goto();
    const card = graph.node("cloud");
    await expect(card).toBeVisible();
    // Edges are drawn once React Flow has taken over the cards: from then on they can be dragged.
    await expect(graph.edgeLabel("flow", "onprem-to-cloud")).toBeVisible();
    const laidOut = await card.evaluate((el) => (el as HTMLElement).style.transform);
    await card.scrollIntoViewIfNeeded();
    const box = (await card.boundingBox())!;
    await page.mouse.move(box.x + 40, box.y + 12);
    await page.mouse.down();
    await page.mouse.move(box.x + 90, box.y + 60, { steps: 8 });
    await page.mouse.up();
    await expect.poll(() => card.evaluate((el) => (el as HTMLElement).style.transform)).not.toBe(laidOut);
    const moved = await card.evaluate((el) => (el as HTMLElement).style.transform);
    // Wait out a poll: the data refreshes, the card does not move.
    await page.waitForResponse((res) => res.url().endsWith("/api/topology"), { timeout: (E2E_POLL_INTERVAL_SECONDS * 2 + 3) * 1000 });
    expect(await card.evaluate((el) => (el as HTMLElement).style.transform)).toBe(moved);
    await page.reload();
    await expect.poll(() => card.evaluate((el) => (el as HTMLElement).style.transform)).toBe(moved);
    await page.getByRole("button", { name: /Reset layout \(1 moved\)/ }).click();
    await expect.poll(() => card.evaluate((el) => (el as HTMLElement).style.transform)).toBe(laidOut);
  });

  test("the table view lists every link with kind, ends, who dials whom and state", async ({ page, request }) => {
    const topology = (await (await request.get("/api/topology")).json()) as TopologyJson;
    const graph = new TopologyPage(page);
    await graph.goto();
    await graph.showTable();
    await expect(page).toHaveURL(/[?&]view=table/);
    await expect(graph.table.locator("tbody tr")).toHaveCount(topology.links.length);
    for (const link of topology.links) await expect(graph.tableRow(link.name)).toContainText(link.state);
    const jumpToDr = graph.tableRow("jump-to-dr");
    await expect(jumpToDr).toContainText("Destination-initiated");
    await expect(jumpToDr.locator("[data-connection-from]")).toHaveAttribute("data-connection-from", "dr");
    await expect(graph.tableRow("primary-to-jump").locator("[data-connection-from]")).toHaveAttribute("data-connection-from", "primary");
  });

  test("problems only and search live in the URL and survive a reload", async ({ page, request }) => {
    const topology = (await (await request.get("/api/topology")).json()) as TopologyJson;
    const troubled = topology.links.filter((l) => l.state !== "ACTIVE" || l.problems.length > 0).map((l) => l.name);
    const healthy = topology.links.filter((l) => !troubled.includes(l.name)).map((l) => l.name);
    expect(troubled.length).toBeGreaterThan(0);
    expect(healthy.length).toBeGreaterThan(0);

    const graph = new TopologyPage(page);
    await graph.goto();
    await graph.problemsOnly.check();
    await expect(page).toHaveURL(/[?&]problems=1/);
    await graph.showTable();
    await expect(graph.table.locator("tbody tr")).toHaveCount(troubled.length);
    await page.reload();
    await expect(graph.problemsOnly).toBeChecked();
    await expect(graph.table.locator("tbody tr")).toHaveCount(troubled.length);
    for (const name of healthy) await expect(graph.tableRow(name)).toHaveCount(0);

    await graph.problemsOnly.uncheck();
    await graph.search.fill("jump");
    await expect(page).toHaveURL(/[?&]q=jump/);
    await expect(graph.table.locator("tbody tr")).toHaveCount(2);
    await page.reload();
    await expect(graph.search).toHaveValue("jump");
    await expect(graph.tableRow("primary-to-jump")).toBeVisible();
    await expect(graph.tableRow("jump-to-dr")).toBeVisible();
    await expect(graph.tableRow("east-west")).toHaveCount(0);

    // The graph hides what the filter leaves out, without moving anything.
    await page.getByRole("group", { name: "View" }).getByRole("button", { name: "Graph" }).click();
    await expect(graph.node("jump")).toBeVisible();
    await expect(graph.node("us-east")).toBeHidden();
  });

  test("clicking a link's flow opens its link page; the table reaches the other half too", async ({ page }) => {
    const graph = new TopologyPage(page);
    await graph.goto();
    await graph.edgeLabel("flow", "jump-to-dr").click();
    await expect(page).toHaveURL(/\/clusters\/dr\/links\/jump-to-dr$/);

    await graph.goto("?view=table");
    await graph.tableRow("primary-to-jump").getByRole("link", { name: "primary-to-jump" }).click();
    await expect(page).toHaveURL(/\/clusters\/jump\/links\/primary-to-jump$/);
    await graph.goto("?view=table");
    await graph
      .tableRow("primary-to-jump")
      .getByRole("link", { name: /source half on primary/ })
      .click();
    await expect(page).toHaveURL(/\/clusters\/primary\/links\/primary-to-jump$/);
  });

  test("a cluster card opens its cluster page with the links it hosts and its mirrors", async ({ page }) => {
    const graph = new TopologyPage(page);
    await graph.goto();
    await graph
      .node("jump")
      .getByRole("link", { name: /Open the cluster page of JUMP/ })
      .click();
    await expect(page).toHaveURL(/\/clusters\/jump$/);
    await expect(page.getByRole("heading", { name: "JUMP (public)", level: 1 })).toBeVisible();
    await expect(page.getByTestId("hosted-links")).toContainText("primary-to-jump");
    await expect(page.getByTestId("elsewhere-links")).toContainText("jump-to-dr");
    await expect(page.getByTestId("cluster-mirrors")).toContainText("my_test_topic");
  });

  test("a stopped cluster turns unreachable on the graph within one refresh, and the links through it turn NOT_FLOWING (one state for every outage, docs/link-states.md)", async ({
    page,
    request,
  }) => {
    const admin = new SimulatorAdmin(request);
    const graph = new TopologyPage(page);
    const refresh = { timeout: (E2E_POLL_INTERVAL_SECONDS * 2 + 3) * 1000 };
    await graph.goto();
    await expect(graph.node("jump")).toHaveAttribute("data-status", "ok");
    await admin.stopCluster("jump");
    try {
      await expect(graph.node("jump")).toHaveAttribute("data-status", "unreachable", refresh);
      await expect(graph.node("jump")).toContainText("Unreachable");
      // Both chain links are still drawn, from the halves primary and dr report, and say why they are down.
      await expect(graph.edgeLabel("flow", "primary-to-jump")).toHaveAttribute("data-state", "NOT_FLOWING", refresh);
      await expect(graph.edgeLabel("flow", "jump-to-dr")).toHaveAttribute("data-state", "NOT_FLOWING", refresh);
      await expect(graph.summary.getByRole("link", { name: "JUMP (public)" })).toBeVisible();
      for (const name of ["primary", "dr", "cloud"]) await expect(graph.node(name)).toHaveAttribute("data-status", "ok");
    } finally {
      await admin.startCluster("jump");
    }
    // Recovery waits out the server's back-off after refused connections: longer than one refresh.
    await expect(graph.node("jump")).toHaveAttribute("data-status", "ok", { timeout: 30_000 });
  });
});
