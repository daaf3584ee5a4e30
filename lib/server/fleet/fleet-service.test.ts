import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createConfluentClient, type ConfluentClient } from "@/lib/confluent/client";
import type { ClusterConfig } from "@/lib/config/schema";
import { clusterConfig } from "@/test/fixture-server/fixtures";
import { startFixtureServer, type FixtureServer } from "@/test/fixture-server/server";
import { goCollection, goLink, goMirror, goPaths } from "@/test/go-style/kafka-rest";
import { FleetService, type DerivePacing } from "./fleet-service";

/*
 * The fleet service against fixture servers speaking Kafka REST v3: one per cluster, each answering every call after
 * a delay the test sets (or never, for a cluster that hangs).
 */

interface FakeCluster {
  server: FixtureServer;
  config: ClusterConfig;
  delayMs: number;
  /** Requests started and answered so far, and the most answered at once. */
  started: number;
  hits: number;
  inFlight: number;
  maxInFlight: number;
  hang: boolean;
}

let release: () => void = () => undefined;
/** Hanging answers are held until the end of the file, so the servers and clients can close. */
const released = new Promise<void>((resolve) => (release = resolve));

async function fakeCluster(name: string, id: string, timeoutMs: number): Promise<FakeCluster> {
  const server = await startFixtureServer();
  const fake: FakeCluster = {
    server,
    config: clusterConfig(server.url, { name, id, timeoutMs }),
    delayMs: 0,
    started: 0,
    hits: 0,
    inFlight: 0,
    maxInFlight: 0,
    hang: false,
  };
  const answer = (body: unknown) => async () => {
    fake.started++;
    fake.inFlight++;
    fake.maxInFlight = Math.max(fake.maxInFlight, fake.inFlight);
    try {
      if (fake.hang) await released;
      if (fake.delayMs) await new Promise((resolve) => setTimeout(resolve, fake.delayMs));
      fake.hits++;
      return { status: 200, body };
    } finally {
      fake.inFlight--;
    }
  };
  server.route({ method: "GET", path: goPaths.cluster(id), respond: answer({ kind: "", cluster_id: id }) });
  server.route({ method: "GET", path: goPaths.links(id), respond: answer(goCollection([goLink(`${name}-link`)])) });
  server.route({ method: "GET", path: goPaths.link(id, `${name}-link`), respond: answer(goLink(`${name}-link`)) });
  server.route({ method: "GET", path: goPaths.configs(id, `${name}-link`), respond: answer(goCollection(null)) });
  server.route({ method: "GET", path: goPaths.allMirrors(id), respond: answer(goCollection([goMirror(`${name}-link`, "orders")])) });
  return fake;
}

let fast: FakeCluster;
let slow: FakeCluster;
/** Hangs on every request, with a timeout longer than any test. */
let dead: FakeCluster;
const clients: ConfluentClient[] = [];

function service(
  options: { coldStartPatienceMs?: number; now?: () => number; derivePacing?: DerivePacing; refreshDelayMs?: number } = {},
): FleetService {
  const byName = new Map<string, ConfluentClient>();
  return new FleetService({
    clusters: [fast.config, slow.config, dead.config],
    pollIntervalSeconds: 10,
    ...options,
    clientFor: (c) => {
      let client = byName.get(c.name);
      if (!client) {
        client = createConfluentClient(c, { maxRetries: 0 });
        byName.set(c.name, client);
      }
      clients.push(client);
      return client;
    },
  });
}

beforeAll(async () => {
  fast = await fakeCluster("fast", "lkc-fast", 2_000);
  slow = await fakeCluster("slow", "lkc-slow", 1_100);
  dead = await fakeCluster("dead", "lkc-dead", 60_000);
  dead.hang = true;
});
afterAll(async () => {
  release();
  for (const c of clients) await c.close();
  await fast.server.close();
  await slow.server.close();
  await dead.server.close();
});

function reset() {
  for (const c of [fast, slow]) Object.assign(c, { delayMs: 0, started: 0, hits: 0, maxInFlight: 0, hang: false });
}

describe("slow is not down: the deadline is per request", () => {
  it("a cluster answering each call in 700 ms with a 1.1 s timeout is ok, with its median answer time", async () => {
    reset();
    slow.delayMs = 700;
    const { readings } = await service({ coldStartPatienceMs: 0 }).snapshot({ focus: "slow" });
    const cluster = readings.get("slow")?.observation;
    // Two dependent round trips take 1.4 s or more: more than one timeout, and still not unreachable.
    expect(cluster).toMatchObject({ status: "ok", error: null });
    expect(cluster?.latencyMs).toBeGreaterThanOrEqual(700);
    expect(cluster?.asOf).toEqual(expect.any(Number));
    expect(readings.get("slow")?.halves[0]?.mirrors).toHaveLength(1);
  });
});

describe("stale-while-revalidate, per cluster", () => {
  it("at cold start, a request about one cluster waits for that cluster only", async () => {
    reset();
    const fleet = service({ coldStartPatienceMs: 0 });
    const { readings } = await fleet.snapshot({ focus: "fast" });
    expect(readings.get("fast")?.observation).toMatchObject({ status: "ok", asOf: expect.any(Number) });
    expect(readings.get("dead")?.observation).toMatchObject({
      status: "unreachable",
      asOf: null,
      error: expect.stringMatching(/has not answered Linkscope's first reading yet/),
    });
  });

  it("answers from the last reading while a refresh runs behind it, and never asks a cluster twice at once", async () => {
    reset();
    let now = 1_000_000;
    const fleet = service({ coldStartPatienceMs: 0, now: () => now });
    const first = await fleet.snapshot({ focus: "slow" });
    const asOf = first.readings.get("slow")!.observation.asOf;
    expect(asOf).toBe(1_000_000);

    // One period later the slow cluster hangs: every viewer still gets the last reading, and one refresh is asked.
    slow.hang = true;
    now += 10_000;
    const hitsBefore = slow.hits;
    const startedBefore = slow.started;
    const answers = await Promise.all(Array.from({ length: 50 }, () => fleet.snapshot({ focus: "slow" })));
    expect(answers.every((a) => a.readings.get("slow")!.observation.asOf === asOf)).toBe(true);
    expect(answers.every((a) => a.readings.get("slow")!.observation.status === "ok")).toBe(true);
    // One refresh is in flight (its first round trip: status and link list), no second read started.
    await expect.poll(() => slow.started - startedBefore).toBe(2);
    await Promise.all(Array.from({ length: 50 }, () => fleet.snapshot({ focus: "slow" })));
    expect(slow.started - startedBefore).toBe(2);
    expect(slow.hits).toBe(hitsBefore);
  });

  it("a cluster whose last reading failed is known at once, with when it was last seen well", async () => {
    reset();
    let now = 2_000_000;
    const fleet = service({ coldStartPatienceMs: 0, now: () => now });
    await fleet.snapshot({ focus: "slow" });
    // The cluster stops answering in time: its next reading says so (per request, 1.1 s).
    slow.delayMs = 5_000;
    now += 10_000;
    fleet.invalidate();
    const { readings } = await fleet.snapshot({ focus: "slow" });
    expect(readings.get("slow")?.observation).toMatchObject({ status: "unreachable", asOf: 2_010_000, lastOkAt: 2_000_000 });
    // Then every request about it is answered from that reading, without waiting for anything.
    const started = performance.now();
    const again = await fleet.snapshot({ focus: "slow" });
    expect(performance.now() - started).toBeLessThan(100);
    expect(again.readings.get("slow")?.observation.status).toBe("unreachable");
  });
});

/** The asOf of a cluster's latest landed reading, whether or not a snapshot shows it yet. */
function landedAsOf(fleet: FleetService, cluster: string): number | null {
  const refreshers = (fleet as unknown as { refreshers: ReadonlyMap<string, { current(): { asOf: number } | null }> }).refreshers;
  return refreshers.get(cluster)?.current()?.asOf ?? null;
}

describe("refreshes a request starts", () => {
  it("start after refreshDelayMs, so the page's other answers go out before they land", async () => {
    reset();
    let now = 2_500_000;
    const fleet = service({ coldStartPatienceMs: 0, now: () => now, refreshDelayMs: 200 });
    await fleet.snapshot({ focus: "fast" });
    const read = fast.started;
    now += 10_000;
    await fleet.snapshot({ focus: "fast" });
    await fleet.snapshot({ focus: "fast" });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fast.started).toBe(read);
    await expect.poll(() => landedAsOf(fleet, "fast")).toBe(2_510_000);
    expect(fast.started - read).toBe(4);
  });

  it("never delay a cluster the request has to wait for", async () => {
    reset();
    const fleet = service({ coldStartPatienceMs: 0, now: () => 2_600_000, refreshDelayMs: 60_000 });
    const first = await fleet.snapshot({ focus: "fast" });
    expect(first.readings.get("fast")?.observation.status).toBe("ok");
    fleet.invalidate();
    expect((await fleet.snapshot({ focus: "fast" })).readings.get("fast")?.observation.status).toBe("ok");
  });
});

describe("refreshes spread over the period", () => {
  it("reads each cluster again just after its own moment of the period, so the fleet's reads do not land together", async () => {
    reset();
    // A 10 s period and three clusters: fast's moments fall at 0 s of each period, slow's at 3.33 s, dead's at 6.67 s.
    const cold = 7_000_000;
    let now = cold;
    const fleet = service({ coldStartPatienceMs: 0, now: () => now });
    await fleet.snapshot({ focus: "fast" });
    await fleet.snapshot({ focus: "slow" });

    // Past slow's moment, and half a period after its last answer.
    now = cold + 5_000;
    await fleet.snapshot({ focus: "fast" });
    await expect.poll(() => landedAsOf(fleet, "slow")).toBe(now);
    expect(landedAsOf(fleet, "fast")).toBe(cold);

    now = cold + 10_000;
    await fleet.snapshot({ focus: "fast" });
    await expect.poll(() => landedAsOf(fleet, "fast")).toBe(now);
    expect(landedAsOf(fleet, "slow")).toBe(cold + 5_000);

    now = cold + 13_400;
    await fleet.snapshot({ focus: "fast" });
    await expect.poll(() => landedAsOf(fleet, "slow")).toBe(now);
    expect(landedAsOf(fleet, "fast")).toBe(cold + 10_000);
  });
});

describe("paced derivation (many clusters, many viewers)", () => {
  // Pacing so long that only its exceptions can end it within a test.
  const derivePacing = { costFactor: 1e9, minIntervalMs: 0, maxDelayMs: 60_000 };

  it("keeps answering from the last snapshot while routine refreshes land, instead of deriving the fleet per request", async () => {
    reset();
    let now = 3_000_000;
    const fleet = service({ coldStartPatienceMs: 0, now: () => now, derivePacing });
    await fleet.snapshot({ focus: "fast" });
    // A cluster's first reading is shown at once (it replaces "not read yet"): wait for the slow one's to land.
    await expect.poll(() => landedAsOf(fleet, "slow")).toBe(3_000_000);
    const first = await fleet.snapshot({ focus: "fast" });
    expect(first.readings.get("slow")?.observation.status).toBe("ok");
    now += 10_000;
    // This request starts the refreshes; the next ones come after they landed.
    expect(await fleet.snapshot({ focus: "fast" })).toBe(first);
    await expect.poll(() => landedAsOf(fleet, "fast")).toBe(3_010_000);
    await expect.poll(() => landedAsOf(fleet, "slow")).toBe(3_010_000);
    const later = await fleet.snapshot({ focus: "fast" });
    expect(later).toBe(first);
    expect(later.readings.get("fast")?.observation.asOf).toBe(3_000_000);
  });

  it("keeps the last snapshot for the minimum interval however cheap the derivation was", async () => {
    reset();
    let now = 3_500_000;
    const fleet = service({
      coldStartPatienceMs: 0,
      now: () => now,
      derivePacing: { costFactor: 0, minIntervalMs: 60_000, maxDelayMs: 60_000 },
    });
    await fleet.snapshot({ focus: "fast" });
    await expect.poll(() => landedAsOf(fleet, "slow")).toBe(3_500_000);
    const first = await fleet.snapshot({ focus: "fast" });
    now += 10_000;
    await fleet.snapshot({ focus: "fast" });
    await expect.poll(() => landedAsOf(fleet, "fast")).toBe(3_510_000);
    expect(await fleet.snapshot({ focus: "fast" })).toBe(first);
  });

  it("shows at once what a request waited for: the reading after a mutation", async () => {
    reset();
    let now = 4_000_000;
    const fleet = service({ coldStartPatienceMs: 0, now: () => now, derivePacing });
    const first = await fleet.snapshot({ focus: "fast" });
    now += 1_000;
    fleet.invalidate();
    const after = await fleet.snapshot({ focus: "fast" });
    expect(after).not.toBe(first);
    expect(after.readings.get("fast")?.observation.asOf).toBe(4_001_000);
  });

  it("derives a landed refresh at the next paced moment without waiting for a request", async () => {
    reset();
    let now = 4_500_000;
    const fleet = service({
      coldStartPatienceMs: 0,
      now: () => now,
      derivePacing: { costFactor: 0, minIntervalMs: 0, maxDelayMs: 60_000 },
    });
    await fleet.snapshot({ focus: "fast" });
    await expect.poll(() => landedAsOf(fleet, "slow")).toBe(4_500_000);
    const first = await fleet.snapshot({ focus: "fast" });
    now += 10_000;
    await fleet.snapshot({ focus: "fast" });
    await expect.poll(() => landedAsOf(fleet, "fast")).toBe(4_510_000);
    await expect.poll(() => landedAsOf(fleet, "slow")).toBe(4_510_000);
    // Derived by the timer while the clock stood here: a request-time derivation would carry the later time.
    await new Promise((resolve) => setTimeout(resolve, 300));
    now += 1_000;
    const next = await fleet.snapshot({ focus: "fast" });
    expect(next).not.toBe(first);
    expect(next.readAt).toBe(4_510_000);
    expect(next.readings.get("fast")?.observation.asOf).toBe(4_510_000);
  });

  it("without pacing, a landed refresh is in the very next snapshot", async () => {
    reset();
    let now = 5_000_000;
    const fleet = service({ coldStartPatienceMs: 0, now: () => now });
    await fleet.snapshot({ focus: "fast" });
    now += 10_000;
    await fleet.snapshot({ focus: "fast" });
    await expect.poll(() => landedAsOf(fleet, "fast")).toBe(5_010_000);
    expect((await fleet.snapshot({ focus: "fast" })).readings.get("fast")?.observation.asOf).toBe(5_010_000);
  });
});
