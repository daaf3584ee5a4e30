import { expect, type Locator, type Page } from "@playwright/test";

/** The link page and the mirror page, addressed by roles and labels first, test ids where a row must be picked. */
export class LinkPage {
  constructor(readonly page: Page) {}

  async goto(cluster: string, link: string, query = "") {
    await this.page.goto(`/clusters/${encodeURIComponent(cluster)}/links/${encodeURIComponent(link)}${query}`);
    await expect(this.page.getByRole("heading", { level: 1, name: link })).toBeVisible();
  }

  half(cluster: string): Locator {
    return this.page.getByTestId(`link-half-${cluster}`);
  }

  task(name: string): Locator {
    return this.page.getByTestId(`task-${name}`);
  }

  partitionState(category: string): Locator {
    return this.page.getByTestId(`partition-state-${category}`);
  }

  get mirrorsTable(): Locator {
    return this.page.getByRole("table", { name: /Mirror topics of this link/ });
  }

  mirrorRow(name: string): Locator {
    return this.page.getByTestId(`mirror-row-${name}`);
  }

  /** Names of the mirror rows currently rendered, top to bottom. */
  async mirrorNames(): Promise<string[]> {
    const ids = await this.page.locator("[data-testid^=mirror-row-]").evaluateAll((rows) =>
      rows
        .map((r) => ({ id: r.getAttribute("data-testid") ?? "", index: Number(r.getAttribute("aria-rowindex")) }))
        .sort((a, b) => a.index - b.index)
        .map((r) => r.id),
    );
    return ids.map((id) => id.replace("mirror-row-", ""));
  }

  get statusFilter(): Locator {
    return this.page.getByRole("combobox", { name: "Status" });
  }

  get search(): Locator {
    return this.page.getByRole("searchbox", { name: /Search mirrors/ });
  }

  sortBy(column: RegExp): Promise<void> {
    return this.mirrorsTable.getByRole("columnheader", { name: column }).getByRole("button").click();
  }

  get mirrorsCount(): Locator {
    return this.page.getByTestId("mirrors-count");
  }
}

export class MirrorPage {
  constructor(readonly page: Page) {}

  async goto(cluster: string, link: string, topic: string) {
    await this.page.goto(`/clusters/${encodeURIComponent(cluster)}/links/${encodeURIComponent(link)}/mirrors/${encodeURIComponent(topic)}`);
    await expect(this.page.getByRole("heading", { level: 1, name: topic })).toBeVisible();
  }

  get partitionTable(): Locator {
    return this.page.getByRole("table", { name: "Per-partition lag, offsets and estimated rates" });
  }

  partitionRow(partition: number): Locator {
    return this.page.getByTestId(`partition-row-${partition}`);
  }

  /** The largest latest lag among the charted partitions, from the chart's text alternative; null until it has points. */
  async chartLatestMaxLag(): Promise<number | null> {
    const caption = this.page.getByRole("figure", { name: /^Lag per partition of / }).locator("figcaption");
    if ((await caption.count()) === 0) return null;
    const match = /Latest: partition \d+ ([\d,]+) messages/.exec((await caption.textContent()) ?? "");
    return match ? Number(match[1]!.replace(/,/g, "")) : null;
  }

  /** The numbers in one partition row: lag, last fetch offset, derived source end offset. */
  async partitionNumbers(partition: number): Promise<{ lag: number; fetch: number; end: number }> {
    const cells = await this.partitionRow(partition).getByRole("cell").allTextContents();
    const n = (text: string | undefined) => Number((text ?? "").replace(/,/g, ""));
    return { lag: n(cells[0]), fetch: n(cells[1]), end: n(cells[2]) };
  }
}
