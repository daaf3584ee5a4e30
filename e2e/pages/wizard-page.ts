import { expect, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { E2E_ADMIN_URL } from "../support/ports";

/** The create-link wizard, addressed by roles and labels. */
export class CreateLinkWizardPage {
  readonly stepHeading: Locator;

  constructor(private readonly page: Page) {
    this.stepHeading = page.locator("#wizard-step-heading");
  }

  async goto() {
    await this.page.goto("/links/new");
    await expect(this.page.getByRole("heading", { name: "New cluster link", level: 1 })).toBeVisible();
    // The cluster list feeds the selects.
    await expect(this.page.getByLabel("Destination cluster").locator("option")).not.toHaveCount(1);
  }

  async next() {
    await this.page.getByRole("button", { name: /^Next:/ }).click();
  }

  async expectStep(title: string) {
    await expect(this.stepHeading).toContainText(title);
  }

  field(label: string | RegExp): Locator {
    return this.page.getByLabel(label, { exact: typeof label === "string" });
  }

  /** The error shown right below a field (the control's aria-describedby points at it). */
  async expectFieldError(label: string | RegExp, message: string | RegExp) {
    const control = this.field(label);
    await expect(control).toHaveAttribute("aria-invalid", "true");
    const id = await control.getAttribute("id");
    await expect(this.page.locator(`[id="${id}-error"]`)).toContainText(message);
  }

  async chooseClusters(name: string, source: string, destination: string) {
    await this.field("Link name").fill(name);
    await this.field("Source cluster").selectOption(source);
    await this.field("Destination cluster").selectOption(destination);
    await this.next();
  }

  async chooseKind(kind: "Destination-initiated (default)" | "Source-initiated" | "Bidirectional") {
    await this.page.getByRole("radio", { name: new RegExp(`^${kind.replace(/[()]/g, "\\$&")}`) }).check();
    await this.next();
  }

  /** Fills one credentials box (its legend names the cluster). */
  async fillCredentials(legend: string | RegExp, creds: { key: string; secret: string; protocol?: string; mechanism?: string }) {
    const box = this.page.getByRole("group", { name: legend });
    if (creds.protocol) await box.getByLabel("Security protocol").selectOption(creds.protocol);
    if (creds.mechanism) await box.getByLabel("SASL mechanism").selectOption(creds.mechanism);
    await box.getByLabel(/^(API key|SCRAM user)$/).fill(creds.key);
    await box.getByLabel(/^(API secret|Password)$/).fill(creds.secret);
  }
}

export interface SimCluster {
  name: string;
  id: string;
  restUrl: string;
  credentials: { rest: { username: string; password: string }; kafka: { apiKey: string; apiSecret: string } };
}

/** Direct reads of the simulator (admin API and each cluster's own REST API), to check what the UI did. */
export class SimulatorFacts {
  constructor(private readonly request: APIRequestContext) {}

  async cluster(name: string): Promise<SimCluster> {
    const res = await this.request.get(`${E2E_ADMIN_URL}/clusters/${encodeURIComponent(name)}`);
    expect(res.ok()).toBe(true);
    return (await res.json()) as SimCluster;
  }

  async post(path: string, body: unknown) {
    const res = await this.request.post(`${E2E_ADMIN_URL}${path}`, { data: body });
    if (!res.ok()) throw new Error(`simulator admin ${path} answered ${res.status()}: ${await res.text()}`);
  }

  async advanceClock(ms: number) {
    await this.post("/clock", { advanceMs: ms });
  }

  /** GET on a cluster's REST API (404 → null). */
  async rest<T>(cluster: string, path: string): Promise<T | null> {
    const c = await this.cluster(cluster);
    const auth = Buffer.from(`${c.credentials.rest.username}:${c.credentials.rest.password}`).toString("base64");
    const res = await this.request.get(`${c.restUrl}/kafka/v3/clusters/${c.id}${path}`, { headers: { Authorization: `Basic ${auth}` } });
    if (res.status() === 404) return null;
    expect(res.ok()).toBe(true);
    return (await res.json()) as T;
  }

  async linkHalf(cluster: string, link: string) {
    const half = await this.rest<{
      source_cluster_id: string | null;
      destination_cluster_id: string | null;
      remote_cluster_id: string | null;
      cluster_link_id: string;
    }>(cluster, `/links/${encodeURIComponent(link)}`);
    if (!half) return null;
    const configs = await this.rest<{ data: Array<{ name: string; value: string | null }> }>(
      cluster,
      `/links/${encodeURIComponent(link)}/configs`,
    );
    return { ...half, configs: Object.fromEntries((configs?.data ?? []).map((c) => [c.name, c.value])) };
  }
}
