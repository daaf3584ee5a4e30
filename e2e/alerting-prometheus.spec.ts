import path from "node:path";
import { expect, test } from "@playwright/test";
import { toolRequired } from "../scripts/lib/find-executable";
import { E2E_APP_PORT, E2E_BASE_URL } from "./support/ports";
import { PROMETHEUS_BINARY, startPrometheus, type TestPrometheus } from "./support/prometheus";
import { SimulatorAdmin } from "./support/simulator-admin";

// A real Prometheus scrapes the dashboard's /api/metrics over the simulated demo fleet and evaluates the shipped rules
// (deploy/prometheus/linkscope-rules.yml, unchanged: a rule is pending from its first true evaluation, so no `for:` needs
// shortening). Scrapes and evaluations every second keep each step within a few seconds.
const RULES = path.resolve("deploy/prometheus/linkscope-rules.yml");
const PAGING = ["LinkscopeClusterDown", "LinkscopeLinkNotFlowing", "LinkscopeDown"];
/** Within each helper's block of ports, away from the dashboard (+0) and its scanning proxy's target (+1). */
const PROMETHEUS_PORT = E2E_APP_PORT + 9;
/** A refresh of the dashboard (2 s), a scrape and an evaluation, with room for a loaded machine. */
const WITHIN = 30_000;

test.describe.configure({ mode: "serial" });

test.describe("alert rules evaluated by a real Prometheus", () => {
  test.skip(PROMETHEUS_BINARY === null && !toolRequired(), "prometheus is not on PATH (apt-get install prometheus)");

  let prometheus: TestPrometheus;

  test.beforeAll(async ({ request }) => {
    // The first read of the fleet happens before Prometheus's first scrape, so that scrape cannot time out.
    expect((await request.get(`${E2E_BASE_URL}/api/metrics`, { timeout: 60_000 })).ok()).toBe(true);
    prometheus = await startPrometheus({ port: PROMETHEUS_PORT, metricsTarget: `127.0.0.1:${E2E_APP_PORT}`, ruleFiles: [RULES] });
  });

  test.afterAll(async () => {
    await prometheus?.stop();
  });

  const alertsNamed = async (names: readonly string[]) =>
    (await prometheus.alerts()).filter((a) => names.includes(a.labels.alertname ?? ""));

  test("on the healthy demo fleet ClusterDown, LinkNotFlowing and LinkscopeDown are not even pending", async () => {
    await expect.poll(async () => (await prometheus.target())?.health, { timeout: WITHIN }).toBe("up");
    const firstScrapeMs = Date.parse((await prometheus.target())!.lastScrape);
    // Five seconds of scrapes and evaluations after the first scrape.
    await expect.poll(() => prometheus.lastEvaluationMs(), { timeout: WITHIN }).toBeGreaterThan(firstScrapeMs + 5_000);
    expect(await alertsNamed(PAGING)).toEqual([]);
    // Not at any evaluation since the first scrape either (ALERTS holds pending and firing alerts).
    const since = Math.ceil(firstScrapeMs / 1000) + 1;
    const ever = await prometheus.rangeQuery(`ALERTS{alertname=~"${PAGING.join("|")}"}`, since, Math.floor(Date.now() / 1000));
    expect(ever).toEqual([]);
    // The series the rules read are there, so the silence means something.
    expect((await prometheus.query("linkscope_cluster_up == 1")).length).toBeGreaterThanOrEqual(7);
    const flowing = await prometheus.query("linkscope_link_flowing");
    expect(flowing.length).toBeGreaterThanOrEqual(5);
    expect(flowing.filter((s) => s.value !== 1).map((s) => `${s.metric.cluster}/${s.metric.link}`)).toEqual([]);
    expect((await prometheus.query('up{job="linkscope"}')).map((s) => s.value)).toEqual([1]);
    // LinkscopeLagOverBudget's inputs: a caught-up mirror is 0 s behind from the first reading on (a lagging one needs 30 s
    // of readings at a moving clock to be estimated, and is absent until then), and each hosting half has its budget.
    const lagSeconds = await prometheus.query('linkscope_mirror_lag_seconds{cluster="dr",link="jump-to-dr"}');
    expect(lagSeconds.map((s) => `${s.metric.mirror} ${s.value}`)).toEqual(["my_test_topic 0"]);
    expect((await prometheus.query('linkscope_link_max_lag_seconds{cluster="dr",link="jump-to-dr"}')).map((s) => s.value)).toEqual([0]);
    expect((await prometheus.query('linkscope_link_rpo_budget_seconds{cluster="dr",link="jump-to-dr"}')).map((s) => s.value)).toEqual([
      300,
    ]);
  });

  test("a stopped cluster makes LinkscopeClusterDown pending with its cluster label, and it clears when the cluster is back", async ({
    request,
  }) => {
    const admin = new SimulatorAdmin(request);
    await admin.stopCluster("us-west");
    try {
      await expect
        .poll(async () => (await alertsNamed(["LinkscopeClusterDown"])).map((a) => `${a.labels.cluster} ${a.labels.severity} ${a.state}`), {
          timeout: WITHIN,
        })
        .toEqual(["us-west critical pending"]);
    } finally {
      await admin.startCluster("us-west");
    }
    await expect.poll(async () => (await alertsNamed(["LinkscopeClusterDown"])).length, { timeout: 60_000 }).toBe(0);
  });

  test("a network cut between onprem and cloud makes LinkscopeLinkNotFlowing pending for onprem-to-cloud on cloud; restoring it clears it", async ({
    request,
  }) => {
    const admin = new SimulatorAdmin(request);
    await admin.cutNetwork("onprem", "cloud");
    try {
      await expect
        .poll(
          async () =>
            (await alertsNamed(["LinkscopeLinkNotFlowing"])).map(
              (a) => `${a.labels.cluster} ${a.labels.link} ${a.labels.severity} ${a.state}`,
            ),
          {
            timeout: WITHIN,
          },
        )
        .toEqual(["cloud onprem-to-cloud critical pending"]);
      // Both clusters still answer Linkscope: this is the link's outage, not a cluster's.
      expect(await alertsNamed(["LinkscopeClusterDown"])).toEqual([]);
      const stale = await prometheus.query('linkscope_link_stale_seconds{cluster="cloud",link="onprem-to-cloud"}');
      expect(stale.map((s) => s.value >= 0)).toEqual([true]);
    } finally {
      await admin.restoreNetwork("onprem", "cloud");
    }
    await expect.poll(async () => (await alertsNamed(["LinkscopeLinkNotFlowing"])).length, { timeout: 60_000 }).toBe(0);
  });
});
