import { readFileSync } from "node:fs";
import { expect, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { E2E_ADMIN_URL } from "../support/ports";

/** The failover runbook (/failover) and its failback tab, addressed by roles and labels first. */
export class FailoverPage {
  constructor(readonly page: Page) {}

  async gotoScope(cluster: string, link: string) {
    await this.page.goto(`/failover?cluster=${encodeURIComponent(cluster)}&scope=link&links=${encodeURIComponent(link)}`);
    await expect(this.page.getByRole("heading", { name: "Failover runbook", level: 1 })).toBeVisible();
  }

  async gotoFailback(cluster: string, link: string, action: string) {
    await this.page.goto(
      `/failover?tab=failback&cluster=${encodeURIComponent(cluster)}&links=${encodeURIComponent(link)}&action=${action}`,
    );
    await expect(this.page.getByRole("tab", { name: "Failback", selected: true })).toBeVisible();
  }

  readinessRow(topic: string): Locator {
    return this.page.getByTestId(`readiness-row-${topic}`);
  }

  /** Unticks every mirror in the readiness table except these. */
  async includeOnly(topics: readonly string[]) {
    for (const topic of topics) await expect(this.readinessRow(topic)).toBeVisible();
    const boxes = this.page.getByRole("checkbox", { name: /^Include / });
    for (const box of await boxes.all()) {
      const name = (await box.getAttribute("aria-label"))?.replace(/^Include /, "") ?? "";
      if (!topics.includes(name) && (await box.isChecked()) && (await box.isEnabled())) await box.uncheck();
    }
  }

  action(name: "Promote" | "Failover"): Locator {
    return this.page.getByRole("radio", { name: new RegExp(`^${name} \\(`) });
  }

  get dryRunButton(): Locator {
    return this.page.getByRole("button", { name: /^Dry run: / });
  }

  dryRunRow(topic: string): Locator {
    return this.page.getByTestId(`dry-run-row-${topic}`);
  }

  confirmInput(cluster: string): Locator {
    return this.page.getByLabel(`Type ${cluster} to confirm`);
  }

  executeButton(verb: string, cluster: string): Locator {
    return this.page.getByRole("button", { name: new RegExp(`^${verb} \\d+ topics? on ${cluster}$`) });
  }

  get progressSummary(): Locator {
    return this.page.getByTestId("run-progress-summary");
  }

  progressRow(topic: string): Locator {
    return this.page.getByTestId(`progress-row-${topic}`);
  }

  get reportOutcome(): Locator {
    return this.page.getByTestId("run-report-outcome");
  }

  /** Clicks a report download and returns the file's text. */
  async downloadReport(kind: "Markdown" | "JSON"): Promise<{ name: string; text: string }> {
    const [download] = await Promise.all([
      this.page.waitForEvent("download"),
      this.page.getByRole("button", { name: `Download report (${kind})` }).click(),
    ]);
    const file = await download.path();
    return { name: download.suggestedFilename(), text: readFileSync(file, "utf8") };
  }
}

/** The simulator's admin API (time, topics, outages) plus a cluster's own REST API, for DR drills in tests. */
export class DrillAdmin {
  // Lets a spec run against a dashboard and simulator started by hand.
  private readonly base = process.env.LINKSCOPE_E2E_ADMIN_URL ?? E2E_ADMIN_URL;

  constructor(private readonly request: APIRequestContext) {}

  private async call(method: "GET" | "POST" | "PUT", path: string, body?: unknown) {
    const res = await this.request.fetch(`${this.base}${path}`, { method, ...(body === undefined ? {} : { data: body }) });
    if (!res.ok()) throw new Error(`simulator admin ${method} ${path} answered ${res.status()}: ${await res.text()}`);
    return res.json() as Promise<Record<string, unknown>>;
  }

  advance(ms: number) {
    return this.call("POST", "/clock", { advanceMs: ms });
  }

  createTopic(cluster: string, name: string, partitions: number, produceRate: number) {
    return this.call("POST", `/clusters/${cluster}/topics`, { name, partitions, produceRate });
  }

  setProduceRate(cluster: string, topic: string, messagesPerSecond: number) {
    return this.call("PUT", `/clusters/${cluster}/topics/${topic}/produce-rate`, { messagesPerSecond });
  }

  stopCluster(cluster: string) {
    return this.call("POST", `/clusters/${cluster}/stop`);
  }

  startCluster(cluster: string) {
    return this.call("POST", `/clusters/${cluster}/start`);
  }

  /** Creates a mirror topic the way an operator's script would: straight through the cluster's REST API. */
  async createMirror(cluster: string, link: string, sourceTopic: string) {
    const info = (await this.call("GET", `/clusters/${cluster}`)) as {
      id: string;
      restUrl: string;
      credentials: { rest: { username: string; password: string } };
    };
    const auth = Buffer.from(`${info.credentials.rest.username}:${info.credentials.rest.password}`).toString("base64");
    const res = await this.request.post(`${info.restUrl}/kafka/v3/clusters/${info.id}/links/${link}/mirrors`, {
      data: { source_topic_name: sourceTopic },
      headers: { authorization: `Basic ${auth}` },
    });
    if (res.status() !== 204)
      throw new Error(`creating mirror of ${sourceTopic} on ${cluster} answered ${res.status()}: ${await res.text()}`);
  }
}
