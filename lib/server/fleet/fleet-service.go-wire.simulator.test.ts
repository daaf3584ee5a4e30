import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { startSimulator, type RunningSimulator } from "@/simulator/index";
import { createConfluentClient } from "@/lib/confluent/client";
import { LinkscopeConfigSchema } from "@/lib/config/schema";
import { FleetService, type FleetSnapshot } from "./fleet-service";

// The fleet read against the demo fleet serialized the way Kafka REST servers written in Go serialize it (the simulator's
// "go" wire style: every empty list null, every kind ""), compared with the same fleet at the same simulated instant
// serialized as Confluent Server does. Nothing may be dropped: no cluster, half, mirror or figure.

let sim: RunningSimulator;

async function setWireStyle(style: "java" | "go"): Promise<void> {
  for (const c of sim.clusters) {
    const res = await fetch(`${sim.adminUrl}/clusters/${c.name}/wire`, {
      method: "PUT",
      body: JSON.stringify({ style }),
      headers: { "content-type": "application/json" },
    });
    if (!res.ok) throw new Error(`admin PUT /clusters/${c.name}/wire: ${res.status} ${await res.text()}`);
  }
}

function freshSnapshot(): Promise<FleetSnapshot> {
  const config = LinkscopeConfigSchema.parse(parseYaml(sim.configYaml()));
  const service = new FleetService({
    clusters: config.clusters,
    pollIntervalSeconds: 60,
    coldStartPatienceMs: 60_000,
    clientFor: (c) => createConfluentClient(c, { maxRetries: 0 }),
  });
  return service.snapshot();
}

/** What a page shows of a snapshot, without the times the readings were taken. */
function whatPagesShow({ topology, readings }: FleetSnapshot) {
  return {
    clusters: topology.clusters.map((c) => ({ name: c.name, status: c.status, problems: c.problems })),
    links: topology.links.map((l) => ({
      id: l.id,
      kind: l.kind,
      state: l.state,
      halves: l.halves.map((h) => [h.cluster, h.linkMode, h.connectionMode, h.state]),
      mirrors: l.mirrorCount,
      partitionStates: l.partitionStates,
      maxLag: l.maxLag,
      problems: l.problems.map((p) => p.code),
    })),
    hosted: [...readings].map(([cluster, r]) => ({
      cluster,
      halves: r.halves.map((h) => [h.linkName, h.topicNames.length]),
      mirrors: (r.mirrors ?? []).map((m) => [m.mirrorTopicName, m.mirrorStatus, m.lags.length]).sort(),
    })),
  };
}

beforeAll(async () => {
  sim = await startSimulator({ scenario: "demo", basePort: 0, adminPort: 0, clock: "manual" });
  // The nameless leftover a deleted source-initiated link leaves on its source (what the CLI's test server answers as
  // `{"link_name": "", "topic_names": null, "link_state": "UNMANAGED_SOURCE"}` in the go style).
  sim.runtime.cluster("onprem")?.unmanagedSources.push({ clusterLinkId: "LeftoverOfAnOldLink000", linkId: "leftover-link-id" });
});

afterAll(async () => {
  await sim.stop();
});

describe("the fleet read against Go-serialized answers", () => {
  it("shows exactly what it shows against Confluent Server's answers: every cluster ok, no row dropped, no problem", async () => {
    const java = whatPagesShow(await freshSnapshot());
    await setWireStyle("go");
    const onprem = sim.clusters.find((c) => c.name === "onprem");
    const raw = await fetch(`${onprem?.restUrl}/kafka/v3/clusters/${onprem?.id}/links`, {
      headers: { authorization: `Basic ${Buffer.from(`${onprem?.username}:${onprem?.password}`).toString("base64")}` },
    });
    // The answers really are Go's: the source half and the leftover say topic_names null, every kind is "".
    expect(await raw.json()).toMatchObject({
      kind: "",
      data: [
        { link_name: "onprem-to-cloud", topic_names: null, kind: "" },
        { link_name: "", topic_names: null, link_state: "UNMANAGED_SOURCE" },
      ],
    });

    const go = whatPagesShow(await freshSnapshot());
    expect(go).toEqual(java);
    expect(go.clusters.filter((c) => c.status !== "ok" && c.status !== "external")).toEqual([]);
    expect(go.clusters.flatMap((c) => c.problems)).toEqual([]);
    expect(go.links.map((l) => l.id).length).toBeGreaterThanOrEqual(4);
    expect(go.hosted.flatMap((h) => h.mirrors).length).toBeGreaterThan(10);
  });
});
