import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "@/simulator/index";
import { CreateLinkRequestSchema, type CreateLinkRequestInput } from "@/lib/api/link-admin";
import { topicFiltersJson } from "@/lib/domain/links/topic-filters";
import { alterLinkConfigs } from "./alter-configs";
import { createLink } from "./create-link";
import { createMirrors } from "./create-mirrors";
import { deleteLink } from "./delete-link";
import { createWaitingForPartner, isPartnerMissing } from "./partner-wait";
import { admin, depsFor, kafkaCredentials, type KafkaCreds } from "../../../test/support/simulated-fleet-deps";

// Every kind of link created end to end against the simulated demo fleet, then seen in the topology.

let sim: RunningSimulator;
let deps: ReturnType<typeof depsFor>;
const creds: Record<string, KafkaCreds> = {};

const sasl = (c: KafkaCreds) => ({
  securityProtocol: "SASL_SSL" as const,
  saslMechanism: "PLAIN" as const,
  username: c.username,
  password: c.password,
});
const request = (r: CreateLinkRequestInput) => CreateLinkRequestSchema.parse(r);
const fastWait = { partnerWait: { sleep: async () => undefined } };

async function linkOn(cluster: string, link: string) {
  const c = deps.cluster(cluster)!;
  const client = deps.clientFor(c);
  const half = await client.links.get(link);
  const configs = Object.fromEntries((await client.linkConfigs.list(link)).map((x) => [x.name, x.value]));
  return { half, configs };
}

async function topologyLink(name: string) {
  deps.invalidate();
  return (await deps.snapshot()).topology.links.find((l) => l.name === name);
}

beforeAll(async () => {
  sim = await startSimulator({ scenario: "demo", basePort: 0, adminPort: 0, clock: "manual" });
  deps = depsFor(sim);
  for (const name of ["cloud", "us-west", "us-east", "onprem", "jump", "primary", "dr"]) creds[name] = await kafkaCredentials(sim, name);
});

afterAll(async () => {
  await sim.stop();
});

describe("destination-initiated: us-west pulls from cloud", () => {
  it("validateOnly creates nothing and reports the masked request", async () => {
    const r = await createLink(
      request({
        name: "cloud-to-west",
        kind: "destination-initiated",
        source: "cloud",
        destination: "us-west",
        credentials: sasl(creds.cloud!),
        validateOnly: true,
      }),
      deps,
    );
    expect(r).toMatchObject({ ok: true, validateOnly: true, steps: [{ cluster: "us-west", status: "ok" }] });
    expect(JSON.stringify(r)).not.toContain(creds.cloud!.password);
    expect(r.steps[0]!.request.path).toBe("/kafka/v3/clusters/lkc-we5t2m/links?link_name=cloud-to-west&validate_only=true");
    await expect(linkOn("us-west", "cloud-to-west")).rejects.toMatchObject({ kind: "not-found" });
  });

  it("a dry run with wrong credentials fails on the step, without the secret in the answer", async () => {
    const r = await createLink(
      request({
        name: "cloud-to-west",
        kind: "destination-initiated",
        source: "cloud",
        destination: "us-west",
        credentials: sasl({ username: creds.cloud!.username, password: "wrong-secret-123" }),
        validateOnly: true,
      }),
      deps,
    );
    expect(r.ok).toBe(false);
    expect(r.steps[0]!.error).toMatch(/Authentication failed/);
    expect(JSON.stringify(r)).not.toContain("wrong-secret-123");
  });

  it("creates the link and the topology shows it with the right kind and directions", async () => {
    const filters = topicFiltersJson([{ name: "orders", patternType: "LITERAL", filterType: "INCLUDE" }]);
    const r = await createLink(
      request({
        name: "cloud-to-west",
        kind: "destination-initiated",
        source: "cloud",
        destination: "us-west",
        credentials: sasl(creds.cloud!),
        configs: {
          "cluster.link.prefix": "cloud.",
          "auto.create.mirror.topics.enable": "true",
          "auto.create.mirror.topics.filters": filters,
        },
      }),
      deps,
    );
    expect(r).toMatchObject({ ok: true, partial: null, steps: [{ cluster: "us-west", status: "ok", attempts: 1 }] });
    const { half, configs } = await linkOn("us-west", "cloud-to-west");
    expect(half.sourceClusterId).toBe("lkc-c10ud7");
    expect(configs).toMatchObject({
      "link.mode": "DESTINATION",
      "connection.mode": "OUTBOUND",
      "cluster.link.prefix": "cloud.",
      "auto.create.mirror.topics.filters": filters,
    });
    expect(configs["sasl.jaas.config"]).toBeNull();
    expect(await topologyLink("cloud-to-west")).toMatchObject({
      kind: "destination-initiated",
      source: "cloud",
      destination: "us-west",
      connections: [{ from: "us-west", to: "cloud" }],
      flows: [{ from: "cloud", to: "us-west" }],
    });
  });

  it("creates mirrors with the prefix applied: a local check first, then one result per topic", async () => {
    await admin(sim, "POST", "/clusters/cloud/topics", { name: "audit_events", partitions: 2, produceRate: 5 });
    const body = {
      topics: [{ source: "audit_events" }, { source: "nope_missing" }, { source: "audit_events2", mirror: "audit_events2" }],
      validateOnly: true,
    };
    const dry = await createMirrors("us-west", "cloud-to-west", body, deps);
    expect(dry).toEqual({
      validateOnly: true,
      checkedBy: "linkscope",
      results: [
        { topic: "audit_events", mirror: "cloud.audit_events", ok: true },
        {
          topic: "nope_missing",
          mirror: "cloud.nope_missing",
          ok: false,
          error: 'The source cluster cloud has no topic named "nope_missing".',
        },
        {
          topic: "audit_events2",
          mirror: "audit_events2",
          ok: false,
          error: 'The link adds the prefix "cloud.", so the mirror must be named "cloud.audit_events2".',
        },
      ],
    });
    const client = deps.clientFor(deps.cluster("us-west")!);
    expect((await client.topics.list()).map((t) => t.topicName)).not.toContain("cloud.audit_events");

    const made = await createMirrors("us-west", "cloud-to-west", { topics: [{ source: "audit_events" }], validateOnly: false }, deps);
    expect(made).toEqual({
      validateOnly: false,
      checkedBy: "cluster",
      results: [{ topic: "audit_events", mirror: "cloud.audit_events", ok: true }],
    });
    await admin(sim, "POST", "/clock", { advanceMs: 5_000 });
    expect((await client.mirrors.get("cloud-to-west", "cloud.audit_events")).mirrorStatus).toBe("ACTIVE");
    const again = await createMirrors("us-west", "cloud-to-west", { topics: [{ source: "audit_events" }], validateOnly: true }, deps);
    expect(again.results[0]).toMatchObject({ ok: false, error: 'us-west already has a topic named "cloud.audit_events".' });
  });

  it("edits configs with a diff, refuses read-only ones by name, and never echoes a sensitive value", async () => {
    const dry = await alterLinkConfigs(
      "us-west",
      "cloud-to-west",
      { set: { "consumer.offset.sync.enable": "true" }, reset: [], validateOnly: true },
      deps,
    );
    expect(dry.changes).toEqual([
      { name: "consumer.offset.sync.enable", operation: "SET", before: "false", after: "true", sensitive: false },
    ]);
    expect((await linkOn("us-west", "cloud-to-west")).configs["consumer.offset.sync.enable"]).toBe("false");

    const jaas = `org.apache.kafka.common.security.plain.PlainLoginModule required username='${creds.cloud!.username}' password='${creds.cloud!.password}';`;
    const r = await alterLinkConfigs(
      "us-west",
      "cloud-to-west",
      { set: { "consumer.offset.sync.enable": "true", "sasl.jaas.config": jaas }, reset: [], validateOnly: false },
      deps,
    );
    expect(r).toMatchObject({ atomic: true, failed: null, applied: ["consumer.offset.sync.enable", "sasl.jaas.config"] });
    expect(r.changes[1]).toEqual({ name: "sasl.jaas.config", operation: "SET", before: null, after: null, sensitive: true });
    expect(JSON.stringify(r)).not.toContain(creds.cloud!.password);
    expect((await linkOn("us-west", "cloud-to-west")).configs["consumer.offset.sync.enable"]).toBe("true");
    // The fleet's config cache is dropped on invalidate: the topology reads the new value at once.
    const reading = (await deps.snapshot()).readings.get("us-west")!;
    expect(reading.links.get("cloud-to-west")!.configs!.find((c) => c.name === "consumer.offset.sync.enable")!.value).toBe("true");
  });

  it("delete: a dry run lists the mirrors that stop and changes nothing; then force deletes", async () => {
    const dry = await deleteLink("us-west", "cloud-to-west", { validateOnly: true, force: false, bothHalves: false }, deps);
    expect(dry.ok).toBe(false);
    // audit_events by hand, orders by the auto-create filter (LITERAL "orders").
    expect(dry.mirrors.map((m) => m.name).sort()).toEqual(["cloud.audit_events", "cloud.orders"]);
    expect(dry.warnings[0]).toMatch(/2 mirror topics will stop mirroring/);
    expect(dry.steps[0]!.error).toMatch(/not stopped/);
    const forced = await deleteLink("us-west", "cloud-to-west", { validateOnly: true, force: true, bothHalves: false }, deps);
    expect(forced.ok).toBe(true);
    await linkOn("us-west", "cloud-to-west");
    const done = await deleteLink("us-west", "cloud-to-west", { validateOnly: false, force: true, bothHalves: false }, deps);
    expect(done).toMatchObject({ ok: true, kind: "destination-initiated", partner: null });
    expect(await topologyLink("cloud-to-west")).toBeUndefined();
  });
});

describe("source-initiated: private onprem pushes to public us-east", () => {
  const base = () => ({
    name: "onprem-to-east",
    kind: "source-initiated" as const,
    source: "onprem",
    destination: "us-east",
    credentials: sasl(creds["us-east"]!),
    localCredentials: {
      securityProtocol: "SASL_PLAINTEXT" as const,
      saslMechanism: "SCRAM-SHA-512" as const,
      username: creds.onprem!.username,
      password: creds.onprem!.password,
    },
    configs: { "consumer.offset.sync.enable": "true" },
  });

  it("validates both halves; the source half's expected ordering answer is a pass with a note, and nothing is created", async () => {
    const r = await createLink(request({ ...base(), validateOnly: true }), deps);
    expect(r.ok).toBe(true);
    expect(r.steps.map((s) => [s.cluster, s.role, s.status])).toEqual([
      ["us-east", "destination-inbound", "ok"],
      ["onprem", "source-outbound", "ok"],
    ]);
    expect(r.steps[1]!.note).toMatch(/does not exist yet/);
    await expect(linkOn("us-east", "onprem-to-east")).rejects.toMatchObject({ kind: "not-found" });
  });

  it("the simulator answers a SOURCE half created first with the ordering error the retry recognises", async () => {
    const client = deps.clientFor(deps.cluster("onprem")!);
    const err = await client.links
      .create(
        "order-probe",
        {
          destinationClusterId: "lkc-ea5t1k",
          configs: [
            { name: "link.mode", value: "SOURCE" },
            { name: "bootstrap.servers", value: "pkc-e1x9p.us-east-1.aws.confluent.cloud:9092" },
          ],
        },
        { validateLink: false },
      )
      .catch((e: unknown) => e);
    expect(isPartnerMissing(err)).toBe(true);
  });

  it("retries the source half while the destination half is slow to appear, then succeeds", async () => {
    const onprem = deps.clientFor(deps.cluster("onprem")!);
    const east = deps.clientFor(deps.cluster("us-east")!);
    const sourceHalf = {
      destinationClusterId: "lkc-ea5t1k",
      configs: [
        { name: "link.mode", value: "SOURCE" },
        { name: "bootstrap.servers", value: "pkc-e1x9p.us-east-1.aws.confluent.cloud:9092" },
        { name: "security.protocol", value: "SASL_SSL" },
        { name: "sasl.mechanism", value: "PLAIN" },
        {
          name: "sasl.jaas.config",
          value: `org.apache.kafka.common.security.plain.PlainLoginModule required username='${creds["us-east"]!.username}' password='${creds["us-east"]!.password}';`,
        },
        {
          name: "local.sasl.jaas.config",
          value: `org.apache.kafka.common.security.scram.ScramLoginModule required username='${creds.onprem!.username}' password='${creds.onprem!.password}';`,
        },
      ],
    };
    const retries: number[] = [];
    const r = await createWaitingForPartner(() => onprem.links.create("slow-inbound", sourceHalf), {
      sleep: async () => undefined,
      onRetry: async (n) => {
        retries.push(n);
        // The destination half "propagates" after the second refusal.
        if (n === 2)
          await east.links.create("slow-inbound", {
            sourceClusterId: "vQ3mJx8kR2yTnL5pWz0aHg",
            configs: [
              { name: "link.mode", value: "DESTINATION" },
              { name: "connection.mode", value: "INBOUND" },
            ],
          });
      },
    });
    expect(retries).toEqual([1, 2]);
    expect(r.attempts).toBe(3);
    expect((await onprem.links.get("slow-inbound")).destinationClusterId).toBe("lkc-ea5t1k");
  });

  it("creates the INBOUND half first, then the source half, and the topology pairs them", async () => {
    const r = await createLink(request(base()), deps, fastWait);
    expect(r.ok).toBe(true);
    expect(r.steps.map((s) => [s.cluster, s.role, s.status])).toEqual([
      ["us-east", "destination-inbound", "ok"],
      ["onprem", "source-outbound", "ok"],
    ]);
    const dest = await linkOn("us-east", "onprem-to-east");
    const src = await linkOn("onprem", "onprem-to-east");
    expect(dest.half.sourceClusterId).toBe("vQ3mJx8kR2yTnL5pWz0aHg");
    expect(dest.configs).toMatchObject({ "link.mode": "DESTINATION", "connection.mode": "INBOUND", "consumer.offset.sync.enable": "true" });
    expect(src.half.destinationClusterId).toBe("lkc-ea5t1k");
    expect(src.half.clusterLinkId).toBe(dest.half.clusterLinkId);
    expect(src.configs).toMatchObject({
      "link.mode": "SOURCE",
      "connection.mode": "OUTBOUND",
      "local.sasl.mechanism": "SCRAM-SHA-512",
      "bootstrap.servers": "pkc-e1x9p.us-east-1.aws.confluent.cloud:9092",
    });
    expect(r.steps[1]!.request.body).toMatchObject({ destination_cluster_id: "lkc-ea5t1k", cluster_link_id: dest.half.clusterLinkId });
    const link = await topologyLink("onprem-to-east");
    expect(link).toMatchObject({
      kind: "source-initiated",
      source: "onprem",
      destination: "us-east",
      connections: [{ from: "onprem", to: "us-east" }],
      flows: [{ from: "onprem", to: "us-east" }],
      state: "ACTIVE",
    });
  });

  it("deleting both halves removes the source half first and leaves nothing behind", async () => {
    const dry = await deleteLink("us-east", "onprem-to-east", { validateOnly: true, force: false, bothHalves: false }, deps);
    expect(dry.partner).toEqual({ cluster: "onprem", linkMode: "SOURCE", connectionMode: "OUTBOUND" });
    expect(dry.warnings.join(" ")).toMatch(/deleting either half stops the flow/);
    const r = await deleteLink("us-east", "onprem-to-east", { validateOnly: false, force: false, bothHalves: true }, deps);
    expect(r.steps.map((s) => [s.cluster, s.status])).toEqual([
      ["onprem", "ok"],
      ["us-east", "ok"],
    ]);
    const onprem = deps.clientFor(deps.cluster("onprem")!);
    expect((await onprem.links.list()).map((l) => l.linkName)).not.toContain("onprem-to-east");
    expect(await topologyLink("onprem-to-east")).toBeUndefined();
  });

  it("when the source half fails, says what exists and offers to undo the destination half", async () => {
    const wrongLocal = {
      ...base(),
      name: "onprem-to-east-bad",
      localCredentials: { ...base().localCredentials, password: "not-the-password" },
    };
    const r = await createLink(request(wrongLocal), deps, fastWait);
    expect(r.ok).toBe(false);
    expect(r.steps.map((s) => s.status)).toEqual(["ok", "failed"]);
    expect(r.steps[1]!.error).toMatch(/local\.sasl\.jaas\.config/);
    expect(r.partial).toMatchObject({ undo: { cluster: "us-east", link: "onprem-to-east-bad" }, created: [{ cluster: "us-east" }] });
    expect(r.partial!.summary).toMatch(/exists on us-east .* source half on onprem was not created/);
    expect(JSON.stringify(r)).not.toContain("not-the-password");
    const undo = await deleteLink("us-east", "onprem-to-east-bad", { validateOnly: false, force: false, bothHalves: false }, deps);
    expect(undo.ok).toBe(true);
  });
});

describe("bidirectional: jump and cloud", () => {
  it("creates a half on each cluster with the same cluster link id; the topology shows flows both ways", async () => {
    const req = request({
      name: "jump-cloud-aa",
      kind: "bidirectional",
      source: "jump",
      destination: "cloud",
      credentials: sasl(creds.jump!),
      destinationCredentials: sasl(creds.cloud!),
      configs: { "cluster.link.prefix": "jump." },
      sourceConfigs: { "cluster.link.prefix": "cloud." },
    });
    const dry = await createLink({ ...req, validateOnly: true }, deps);
    expect(dry.ok).toBe(true);
    await expect(linkOn("cloud", "jump-cloud-aa")).rejects.toMatchObject({ kind: "not-found" });
    const r = await createLink(req, deps);
    expect(r.ok).toBe(true);
    const onCloud = await linkOn("cloud", "jump-cloud-aa");
    const onJump = await linkOn("jump", "jump-cloud-aa");
    expect(onCloud.half.remoteClusterId).toBe("lkc-j4mp2x");
    expect(onJump.half.remoteClusterId).toBe("lkc-c10ud7");
    expect(onJump.half.clusterLinkId).toBe(onCloud.half.clusterLinkId);
    expect([onCloud.configs["cluster.link.prefix"], onJump.configs["cluster.link.prefix"]]).toEqual(["jump.", "cloud."]);
    const link = await topologyLink("jump-cloud-aa");
    expect(link?.kind).toBe("bidirectional");
    expect(link?.flows).toHaveLength(2);
    const both = await deleteLink("cloud", "jump-cloud-aa", { validateOnly: false, force: true, bothHalves: true }, deps);
    expect(both.ok).toBe(true);
  });
});
