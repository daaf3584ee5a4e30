import { expect, test } from "@playwright/test";
import { TopologyPage } from "./pages/topology-page";
import { SimulatorFacts } from "./pages/wizard-page";
import { graphGeometry, labelDistance, readabilityProblems } from "./support/graph-geometry";

// Runs with the specs that change the shared demo fleet (playwright.config.ts "mutate"): it adds three links.

interface TopologyJson {
  links: { name: string }[];
}

const credentials = async (sim: SimulatorFacts, cluster: string) => {
  const c = await sim.cluster(cluster);
  return {
    securityProtocol: "SASL_SSL",
    saslMechanism: "PLAIN",
    username: c.credentials.kafka.apiKey,
    password: c.credentials.kafka.apiSecret,
  };
};

test.describe("the topology graph with crowded pairs", () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test("demo fleet plus cloud→us-west, onprem→us-east and a bidirectional cloud↔us-west: every label readable, none hidden", async ({
    page,
    request,
  }) => {
    test.setTimeout(90_000);
    const sim = new SimulatorFacts(request);
    const bodies = [
      {
        name: "ux-cloud-to-west",
        kind: "destination-initiated",
        source: "cloud",
        destination: "us-west",
        credentials: await credentials(sim, "cloud"),
      },
      {
        name: "ux-onprem-to-east",
        kind: "source-initiated",
        source: "onprem",
        destination: "us-east",
        credentials: await credentials(sim, "us-east"),
        localCredentials: await credentials(sim, "onprem"),
      },
      {
        name: "ux-bidi",
        kind: "bidirectional",
        source: "cloud",
        destination: "us-west",
        credentials: await credentials(sim, "cloud"),
        destinationCredentials: await credentials(sim, "us-west"),
      },
    ];
    for (const data of bodies) {
      const res = await request.post("/api/links", { data });
      expect(((await res.json()) as { ok: boolean }).ok, `creating ${data.name}`).toBe(true);
    }

    const graph = new TopologyPage(page);
    await graph.goto();
    const topology = (await (await request.get("/api/topology")).json()) as TopologyJson;
    for (const link of topology.links) await expect(graph.edgeLabel("flow", link.name)).toBeVisible();
    // The layout is done once every label is drawn; let the first view settle.
    await expect.poll(async () => (await graphGeometry(page)).labels.length).toBe(topology.links.length);

    const g = await graphGeometry(page);
    expect(readabilityProblems(g)).toEqual([]);
    // The default view never shrinks text below 11 px on screen: the flow's zoom and every text's computed size.
    expect(g.zoom).toBeGreaterThanOrEqual(11 / 12 - 1e-3);
    expect(g.smallestText.px, `smallest text: "${g.smallestText.where}"`).toBeGreaterThanOrEqual(11);
    // Parallel links between cloud and us-west: each label beside its own edge, each edge its own lane.
    for (const link of ["ux-cloud-to-west", "ux-bidi", "onprem-to-cloud", "ux-onprem-to-east"])
      expect(labelDistance(g, link), link).toBeLessThanOrEqual(16);
    const lanes = g.flows.filter((f) => f.from === "cloud" && f.to === "us-west");
    expect(lanes.length).toBeGreaterThanOrEqual(2);
    const middles = lanes.flatMap((f) => f.points[Math.floor(f.points.length / 2)] ?? []);
    expect(middles).toHaveLength(lanes.length);
    middles.forEach((a, i) => {
      for (const b of middles.slice(i + 1)) expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThanOrEqual(8);
    });
  });
});
