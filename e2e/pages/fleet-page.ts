import { expect, type Locator, type Page } from "@playwright/test";

/** The home page's cluster list, addressed by roles and labels first. */
export class FleetPage {
  readonly table: Locator;

  constructor(private readonly page: Page) {
    this.table = page.getByRole("table", { name: "Configured clusters and their live status" });
  }

  async goto() {
    await this.page.goto("/");
    await expect(this.page.getByRole("heading", { name: "Fleet", level: 1 })).toBeVisible();
  }

  row(clusterName: string): Locator {
    return this.page.getByTestId(`cluster-row-${clusterName}`);
  }

  async expectStatus(clusterName: string, status: "OK" | "Unreachable" | "Unauthorized" | "Error") {
    await expect(this.row(clusterName).getByText(status, { exact: true })).toBeVisible();
  }

  /** The listed clusters' names, once the list has loaded. */
  async clusterNames(): Promise<string[]> {
    await expect(this.page.locator("[data-testid^=cluster-row-]").first()).toBeVisible();
    const ids = await this.page
      .locator("[data-testid^=cluster-row-]")
      .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-testid") ?? ""));
    return ids.map((id) => id.replace("cluster-row-", ""));
  }
}
