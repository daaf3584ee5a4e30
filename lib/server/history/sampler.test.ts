import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FleetSnapshot } from "../fleet/fleet-service";
import { HistorySampler, type HistorySink, type Schedule } from "./sampler";
import { SqliteHistoryBackend } from "./sqlite-backend";
import { HistoryStore } from "./store";
import { aCluster, aMirrorTopic, aReading, aSnapshot } from "./testing/fleet-snapshots";

const T0 = Date.UTC(2026, 10, 21, 12, 0, 0);
const S = 15_000;

let dir: string;
let store: HistoryStore;
let clock: number;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "linkscope-sampler-"));
  clock = T0;
  store = new HistoryStore({
    file: path.join(dir, "h.db"),
    retention: { rawMs: 6 * 3_600_000, downsampledMs: 7 * 86_400_000 },
    now: () => clock,
  });
});

afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const fleetAt = (ts: number, lag: number) =>
  aSnapshot(ts, [aReading(aCluster("dr"), [{ linkName: "primary-to-dr" }], [aMirrorTopic("primary-to-dr", "orders", [lag, 1])])]);

/** A manual timer: the test decides when a tick happens. */
function manualSchedule() {
  const state = { ticks: [] as Array<() => void>, cancelled: 0, intervals: [] as number[] };
  const schedule: Schedule = (tick, intervalMs) => {
    state.ticks.push(tick);
    state.intervals.push(intervalMs);
    return () => void state.cancelled++;
  };
  return { schedule, state };
}

describe("history sampler", () => {
  it("records each new snapshot at the time it was taken, and skips a snapshot it already sampled", async () => {
    let snapshot = fleetAt(T0, 5);
    const sampler = new HistorySampler({ snapshot: async () => snapshot, sink: store, intervalMs: S, now: () => clock });
    expect(await sampler.sampleOnce()).toEqual({ status: "recorded", ts: T0, summary: { links: 1, mirrors: 1, partitions: 2 } });
    // Within the fleet cache period the sampler gets the same snapshot back: nothing new to record.
    expect(await sampler.sampleOnce()).toEqual({ status: "skipped", reason: "already-sampled" });
    snapshot = fleetAt(T0 + S, 9);
    expect((await sampler.sampleOnce()).status).toBe("recorded");
    const series = await new SqliteHistoryBackend(store).query({
      level: "mirror",
      cluster: "dr",
      link: "primary-to-dr",
      topic: "orders",
      partition: 0,
      from: T0,
      to: T0 + 60_000,
      stepMs: S,
      metrics: ["lag"],
    });
    expect(series).toEqual([
      {
        key: "orders/0",
        metric: "lag",
        points: [
          [T0, 5],
          [T0 + S, 9],
        ],
      },
    ]);
  });

  it("writes a large sample in batches of whole links, leaving the event loop free between them", async () => {
    const links = ["a", "b", "c"];
    const snapshot = aSnapshot(T0, [
      aReading(
        aCluster("dr"),
        links.map((l) => ({ linkName: l })),
        links.flatMap((l) => [aMirrorTopic(l, `${l}-1`, [1, 2, 3]), aMirrorTopic(l, `${l}-2`, [4, 5, 6])]),
      ),
    ]);
    const order: string[] = [];
    const sink: HistorySink = {
      record: (ts, batch) => {
        order.push(`record ${batch.map((l) => l.link).join(",")}`);
        // Anything another part of the server queued meanwhile runs before the next batch.
        setImmediate(() => order.push("other work"));
        return store.record(ts, batch);
      },
      maintain: () => store.maintain(),
    };
    // 6 partitions a link: two links fit a batch of 12, the third starts the next one.
    const sampler = new HistorySampler({ snapshot: async () => snapshot, sink, intervalMs: S, now: () => clock, partitionsPerBatch: 12 });
    expect(await sampler.sampleOnce()).toEqual({ status: "recorded", ts: T0, summary: { links: 3, mirrors: 6, partitions: 18 } });
    expect(order.slice(0, 3)).toEqual(["record a,b", "other work", "record c"]);
    const lagOf = async (link: string, topic: string) =>
      new SqliteHistoryBackend(store).query({
        level: "mirror",
        cluster: "dr",
        link,
        topic,
        partition: 2,
        from: T0,
        to: T0 + 60_000,
        stepMs: S,
        metrics: ["lag"],
      });
    expect((await lagOf("c", "c-2"))[0]?.points).toEqual([[T0, 6]]);
    expect((await lagOf("a", "a-1"))[0]?.points).toEqual([[T0, 3]]);
  });

  it("starts one timer at the configured interval, samples on each tick, and stops", async () => {
    const { schedule, state } = manualSchedule();
    let calls = 0;
    const sampler = new HistorySampler({
      snapshot: async () => fleetAt(T0 + calls++ * S, 1),
      sink: store,
      intervalMs: 15_000,
      schedule,
    });
    sampler.start();
    sampler.start();
    expect(state.ticks).toHaveLength(1);
    expect(state.intervals).toEqual([15_000]);
    expect(calls).toBe(0);
    state.ticks[0]!();
    await sampler.stop();
    expect(calls).toBe(1);
    expect(state.cancelled).toBe(1);
    expect(sampler.started).toBe(false);
    expect(store.database.prepare("SELECT count(*) AS n FROM link_raw").get()).toEqual({ n: 1 });
  });

  it("does not pile up ticks behind a slow snapshot", async () => {
    let release: (s: FleetSnapshot) => void = () => undefined;
    const sampler = new HistorySampler({
      snapshot: () => new Promise<FleetSnapshot>((resolve) => (release = resolve)),
      sink: store,
      intervalMs: S,
    });
    const first = sampler.sampleOnce();
    expect(await sampler.sampleOnce()).toEqual({ status: "skipped", reason: "busy" });
    release(fleetAt(T0, 1));
    expect((await first).status).toBe("recorded");
  });

  it("never throws: a failure is one log line with the error's name (and SQLite code), never its message", async () => {
    const lines: string[] = [];
    const failing = new HistorySampler({
      snapshot: async () => {
        throw new TypeError("token=s3cr3t leaked in a message");
      },
      sink: store,
      intervalMs: S,
      log: (line) => lines.push(line),
    });
    expect(await failing.sampleOnce()).toEqual({ status: "failed", error: "TypeError" });
    const fullDisk: HistorySink = {
      record: () => {
        throw new Database.SqliteError("database or disk is full", "SQLITE_FULL");
      },
      maintain: () => ({ minutes: 0 }),
    };
    const full = new HistorySampler({
      snapshot: async () => fleetAt(T0, 1),
      sink: fullDisk,
      intervalMs: S,
      log: (line) => lines.push(line),
    });
    expect((await full.sampleOnce()).status).toBe("failed");
    expect(lines).toEqual([
      "linkscope: lag history sample failed: TypeError",
      "linkscope: lag history sample failed: SqliteError SQLITE_FULL",
    ]);
    // A failed write is retried with the next snapshot, even one with the same timestamp.
    const recovered = new HistorySampler({ snapshot: async () => fleetAt(T0, 1), sink: store, intervalMs: S });
    expect((await recovered.sampleOnce()).status).toBe("recorded");
  });

  it("uses its clock when a snapshot carries no usable time", async () => {
    const snapshot = fleetAt(T0, 3);
    snapshot.topology.generatedAt = "not a time";
    const sampler = new HistorySampler({ snapshot: async () => snapshot, sink: store, intervalMs: S, now: () => T0 + 42 });
    expect(await sampler.sampleOnce()).toMatchObject({ status: "recorded", ts: T0 + 42 });
  });
});
