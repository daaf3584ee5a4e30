import { expect, type Locator, type Page } from "@playwright/test";

export type EdgeKind = "flow" | "connection";

/** The topology page (/): graph, legend, filters, table view and fleet summary, by roles, labels and data attributes. */
export class TopologyPage {
  readonly search: Locator;
  readonly problemsOnly: Locator;
  readonly legend: Locator;
  readonly summary: Locator;
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.search = page.getByRole("searchbox", { name: "Search clusters and links" });
    this.problemsOnly = page.getByRole("checkbox", { name: /Problems only/ });
    this.legend = page.getByTestId("topology-legend");
    this.summary = page.getByTestId("fleet-summary");
    this.table = page.getByRole("table", { name: /Cluster links/ });
  }

  async goto(query = "") {
    await this.page.goto(`/${query}`);
    await expect(this.page.getByRole("heading", { name: "Fleet topology", level: 1 })).toBeVisible();
  }

  /** A cluster card on the graph. */
  node(cluster: string): Locator {
    return this.page.locator(`.react-flow__node[data-cluster="${cluster}"]`);
  }

  /** All cluster names shown as cards, once the graph has drawn them. */
  async graphClusters(): Promise<string[]> {
    await expect(this.page.locator(".react-flow__node[data-cluster]").first()).toBeVisible();
    return this.page
      .locator(".react-flow__node[data-cluster]")
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute("data-cluster") ?? ""));
  }

  /** The label of a link's data flow (a link to its link page) or the plug of its connection. */
  edgeLabel(kind: EdgeKind, link: string): Locator {
    return this.page.locator(`[data-edge-label="${kind}"][data-link="${link}"]`);
  }

  /** The drawn edges (SVG) of one kind for a link. */
  edges(kind: EdgeKind, link: string): Locator {
    return this.page.locator(`g[data-edge="${kind}"][data-link="${link}"]`);
  }

  /** `from → to` of every drawn edge of one kind for a link, sorted. */
  async directions(kind: EdgeKind, link: string): Promise<string[]> {
    await expect(this.edges(kind, link).first()).toBeAttached();
    const pairs = await this.edges(kind, link).evaluateAll((gs) =>
      gs.map((g) => `${g.getAttribute("data-from")}>${g.getAttribute("data-to")}`),
    );
    return pairs.sort();
  }

  async selectCluster(cluster: string) {
    // The card's title row: away from the Details link.
    await this.node(cluster).click({ position: { x: 40, y: 12 } });
  }

  async showTable() {
    await this.page.getByRole("group", { name: "View" }).getByRole("button", { name: "Table" }).click();
    await expect(this.table).toBeVisible();
  }

  tableRow(link: string): Locator {
    return this.table.locator(`tr[data-link="${link}"]`);
  }
}
