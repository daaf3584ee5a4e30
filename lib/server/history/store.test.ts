import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { HistoryQuery } from "./backend";
import { TooManyPointsError } from "./errors";
import { SqliteHistoryBackend } from "./sqlite-backend";
import { HistoryStore } from "./store";
import type { LinkSample, MirrorSample } from "./writer";

const T0 = Date.UTC(2026, 10, 21, 12, 0, 0); // minute- and hour-aligned
const S = 15_000;
const MIN = 60_000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const RETENTION = { rawMs: 6 * HOUR, downsampledMs: 7 * DAY };

let dir: string;
let file: string;
let clock: number;
let logs: string[];
const stores: HistoryStore[] = [];

function openStore(): HistoryStore {
  const store = new HistoryStore({ file, retention: RETENTION, now: () => clock, log: (line) => logs.push(line) });
  stores.push(store);
  return store;
}

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "linkscope-history-"));
  file = path.join(dir, "nested", "history.db");
  clock = T0;
  logs = [];
});

afterEach(() => {
  for (const s of stores.splice(0)) s.close();
  rmSync(dir, { recursive: true, force: true });
});

const mirror = (topic: string, lags: number[], offsetBase = 1000): MirrorSample => ({
  topic,
  partitions: lags.map((lag, partition) => ({ partition, lag, lastSourceFetchOffset: offsetBase + partition })),
});
const sample = (mirrors: MirrorSample[], link = "dr-link", cluster = "dr"): LinkSample => ({ cluster, link, mirrors });

/** Records at `ts` with the clock there, then maintains, as the sampler does. */
function tick(store: HistoryStore, ts: number, links: LinkSample[]) {
  clock = ts;
  store.record(ts, links);
  store.maintain();
}

function linkQuery(overrides: Partial<Extract<HistoryQuery, { level: "link" }>> = {}): HistoryQuery {
  return {
    level: "link",
    cluster: "dr",
    link: "dr-link",
    from: T0,
    to: T0 + HOUR,
    stepMs: S,
    metrics: ["maxLag", "totalLag", "mirrorMaxLag"],
    top: 5,
    ...overrides,
  };
}
function mirrorQuery(overrides: Partial<Extract<HistoryQuery, { level: "mirror" }>> = {}): HistoryQuery {
  return {
    level: "mirror",
    cluster: "dr",
    link: "dr-link",
    topic: "orders",
    partition: null,
    from: T0,
    to: T0 + HOUR,
    stepMs: S,
    metrics: ["lag", "lastSourceFetchOffset"],
    ...overrides,
  };
}
const count = (store: HistoryStore, table: string) =>
  (store.database.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe("history store: raw samples", () => {
  it("answers link-level max and total lag and the top lagging mirrors", async () => {
    const store = openStore();
    tick(store, T0, [sample([mirror("orders", [5, 7]), mirror("payments", [1]), mirror("idle", [0])])]);
    tick(store, T0 + S, [sample([mirror("orders", [9, 2]), mirror("payments", [30]), mirror("idle", [0])])]);
    const series = await new SqliteHistoryBackend(store).query(linkQuery());
    expect(series).toEqual([
      {
        key: "dr-link",
        metric: "maxLag",
        points: [
          [T0, 7],
          [T0 + S, 30],
        ],
      },
      {
        key: "dr-link",
        metric: "totalLag",
        points: [
          [T0, 13],
          [T0 + S, 41],
        ],
      },
      {
        key: "payments",
        metric: "mirrorMaxLag",
        points: [
          [T0, 1],
          [T0 + S, 30],
        ],
      },
      {
        key: "orders",
        metric: "mirrorMaxLag",
        points: [
          [T0, 7],
          [T0 + S, 9],
        ],
      },
    ]);
    const top1 = await new SqliteHistoryBackend(store).query(linkQuery({ top: 1, metrics: ["mirrorMaxLag"] }));
    expect(top1.map((s) => s.key)).toEqual(["payments"]);
  });

  it("answers per-partition lag and last source fetch offset, one partition when asked", async () => {
    const store = openStore();
    tick(store, T0, [sample([mirror("orders", [5, 7], 100)])]);
    tick(store, T0 + S, [sample([mirror("orders", [6, -1], 200)])]);
    const backend = new SqliteHistoryBackend(store);
    expect(await backend.query(mirrorQuery())).toEqual([
      {
        key: "orders/0",
        metric: "lag",
        points: [
          [T0, 5],
          [T0 + S, 6],
        ],
      },
      { key: "orders/1", metric: "lag", points: [[T0, 7]] },
      {
        key: "orders/0",
        metric: "lastSourceFetchOffset",
        points: [
          [T0, 100],
          [T0 + S, 200],
        ],
      },
      {
        key: "orders/1",
        metric: "lastSourceFetchOffset",
        points: [
          [T0, 101],
          [T0 + S, 201],
        ],
      },
    ]);
    expect(await backend.query(mirrorQuery({ partition: 1, metrics: ["lag", "mirrorMaxLag", "mirrorTotalLag"] }))).toEqual([
      { key: "orders/1", metric: "lag", points: [[T0, 7]] },
      {
        key: "orders",
        metric: "mirrorMaxLag",
        points: [
          [T0, 7],
          [T0 + S, 6],
        ],
      },
      {
        key: "orders",
        metric: "mirrorTotalLag",
        points: [
          [T0, 12],
          [T0 + S, 6],
        ],
      },
    ]);
  });

  it("keeps links of different clusters apart and answers nothing for an unknown link or topic", async () => {
    const store = openStore();
    tick(store, T0, [sample([mirror("orders", [5])]), sample([mirror("orders", [500])], "dr-link", "other")]);
    const backend = new SqliteHistoryBackend(store);
    expect((await backend.query(linkQuery({ metrics: ["maxLag"] })))[0]?.points).toEqual([[T0, 5]]);
    expect(await backend.query(linkQuery({ link: "nope" }))).toEqual([
      { key: "nope", metric: "maxLag", points: [] },
      { key: "nope", metric: "totalLag", points: [] },
    ]);
    expect(await backend.query(mirrorQuery({ topic: "nope" }))).toEqual([]);
  });

  it("records a link without mirrors as zero lag, and one whose lags are all unknown as a gap", async () => {
    const store = openStore();
    tick(store, T0, [sample([])]);
    tick(store, T0 + S, [sample([mirror("orders", [-1])])]);
    const [max] = await new SqliteHistoryBackend(store).query(linkQuery({ metrics: ["maxLag"] }));
    expect(max?.points).toEqual([[T0, 0]]);
  });

  it("buckets by step with the maximum of each bucket", async () => {
    const store = openStore();
    for (const [i, lag] of [3, 9, 4, 1, 2].entries()) tick(store, T0 + i * S, [sample([mirror("orders", [lag])])]);
    const [max] = await new SqliteHistoryBackend(store).query(linkQuery({ stepMs: 30_000, metrics: ["maxLag"] }));
    expect(max?.points).toEqual([
      [T0, 9],
      [T0 + 30_000, 4],
      [T0 + 60_000, 2],
    ]);
  });

  it("refuses an answer with more points than the API allows", async () => {
    const store = openStore();
    const wide = mirror(
      "wide",
      Array.from({ length: 1000 }, () => 1),
    );
    for (let i = 0; i < 201; i++) store.record(T0 + i * S, [sample([wide])]);
    await expect(new SqliteHistoryBackend(store).query(mirrorQuery({ topic: "wide", metrics: ["lag"], to: T0 + 201 * S }))).rejects.toThrow(
      TooManyPointsError,
    );
  });
});

describe("history store: downsampling and retention", () => {
  /** Four samples a minute for `minutes` minutes; partition 0's lag is the minute index * 10 + the sample index. */
  function fill(store: HistoryStore, minutes: number, start = T0) {
    for (let m = 0; m < minutes; m++) {
      for (let k = 0; k < 4; k++) {
        const ts = start + m * MIN + k * S;
        tick(store, ts, [sample([mirror("orders", [m * 10 + k, 1], ts), mirror("quiet", [0])])]);
      }
    }
  }

  it("folds each complete minute into a MAX bucket and the mirror's hourly peak", async () => {
    const store = openStore();
    fill(store, 3);
    // The third minute is still open (its next sample could belong to it), so two minutes are folded.
    expect(count(store, "link_minute")).toBe(2);
    expect(count(store, "mirror_minute")).toBe(4);
    expect(store.database.prepare("SELECT mirror_id, max_lag FROM mirror_peak_hour ORDER BY mirror_id").all()).toEqual([
      { mirror_id: 1, max_lag: 13 },
    ]);
    const minuteRows = store.database.prepare("SELECT ts, max_lag, total_lag FROM link_minute ORDER BY ts").all();
    expect(minuteRows).toEqual([
      { ts: T0, max_lag: 3, total_lag: 4 },
      { ts: T0 + MIN, max_lag: 13, total_lag: 14 },
    ]);
    // Step 60 s reads the buckets up to the watermark and raw samples after it.
    const series = await new SqliteHistoryBackend(store).query(mirrorQuery({ stepMs: MIN }));
    expect(series).toEqual([
      {
        key: "orders/0",
        metric: "lag",
        points: [
          [T0, 3],
          [T0 + MIN, 13],
          [T0 + 2 * MIN, 23],
        ],
      },
      {
        key: "orders/1",
        metric: "lag",
        points: [
          [T0, 1],
          [T0 + MIN, 1],
          [T0 + 2 * MIN, 1],
        ],
      },
      {
        key: "orders/0",
        metric: "lastSourceFetchOffset",
        points: [
          [T0, T0 + 3 * S],
          [T0 + MIN, T0 + MIN + 3 * S],
          [T0 + 2 * MIN, T0 + 2 * MIN + 3 * S],
        ],
      },
      {
        key: "orders/1",
        metric: "lastSourceFetchOffset",
        points: [
          [T0, T0 + 3 * S + 1],
          [T0 + MIN, T0 + MIN + 3 * S + 1],
          [T0 + 2 * MIN, T0 + 2 * MIN + 3 * S + 1],
        ],
      },
    ]);
  });

  it("drops raw samples after the raw retention but keeps their minutes, then drops those after the downsampled retention", async () => {
    const store = openStore();
    fill(store, 3);
    tick(store, T0 + 6 * HOUR + 5 * MIN, [sample([mirror("orders", [1, 1])])]);
    expect(store.database.prepare("SELECT min(ts) AS oldest FROM mirror_raw").get()).toEqual({ oldest: T0 + 6 * HOUR + 5 * MIN });
    expect(count(store, "mirror_minute")).toBe(6);
    const backend = new SqliteHistoryBackend(store);
    // A fine step over a range older than raw retention still gets the minutes.
    const [lag0] = await backend.query(mirrorQuery({ stepMs: S, to: T0 + 10 * MIN, metrics: ["lag"] }));
    expect(lag0?.points).toEqual([
      [T0, 3],
      [T0 + MIN, 13],
      [T0 + 2 * MIN, 23],
    ]);

    tick(store, T0 + 7 * DAY + 2 * HOUR, [sample([mirror("orders", [2, 2])])]);
    expect(store.database.prepare("SELECT min(ts) AS oldest FROM mirror_minute").get()).toEqual({ oldest: T0 + 6 * HOUR + 5 * MIN });
    expect(count(store, "link_minute")).toBe(1);
    expect(store.database.prepare("SELECT min(hour) AS oldest FROM mirror_peak_hour").get()).toEqual({ oldest: T0 + 6 * HOUR });
  });

  it("catches up after a long stop in slices without losing minutes", () => {
    const store = openStore();
    for (let m = 0; m < 90; m++) store.record(T0 + m * MIN, [sample([mirror("orders", [m])])]);
    clock = T0 + 90 * MIN;
    expect(store.maintain().minutes).toBe(60);
    expect(store.maintain().minutes).toBe(29);
    expect(store.maintain().minutes).toBe(0);
    expect(count(store, "link_minute")).toBe(89);
  });

  it("skips a stretch without samples in one step", () => {
    const store = openStore();
    tick(store, T0, [sample([mirror("orders", [1])])]);
    tick(store, T0 + 5 * HOUR, [sample([mirror("orders", [2])])]);
    expect(count(store, "link_minute")).toBe(1);
    tick(store, T0 + 5 * HOUR + MIN, [sample([mirror("orders", [3])])]);
    expect(count(store, "link_minute")).toBe(2);
  });

  it("ranks top mirrors over a 24 h range from hourly peaks and the newest raw samples", async () => {
    const store = openStore();
    tick(store, T0, [sample([mirror("a", [50]), mirror("b", [10]), mirror("c", [0])])]);
    tick(store, T0 + HOUR, [sample([mirror("a", [1]), mirror("b", [20]), mirror("c", [0])])]);
    tick(store, T0 + HOUR + S, [sample([mirror("a", [1]), mirror("b", [20]), mirror("c", [70])])]);
    const series = await new SqliteHistoryBackend(store).query(linkQuery({ to: T0 + DAY, stepMs: 5 * MIN, metrics: ["mirrorMaxLag"] }));
    expect(series.map((s) => [s.key, s.points])).toEqual([
      [
        "c",
        [
          [T0, 0],
          [T0 + HOUR, 70],
        ],
      ],
      [
        "a",
        [
          [T0, 50],
          [T0 + HOUR, 1],
        ],
      ],
      [
        "b",
        [
          [T0, 10],
          [T0 + HOUR, 20],
        ],
      ],
    ]);
  });

  it("keeps only each completed hour's top 50 peaks, which still ranks any top N ≤ 50 exactly", async () => {
    const store = openStore();
    const many = (offset: number) => Array.from({ length: 80 }, (_, i) => mirror(`m${String(i).padStart(2, "0")}`, [i + offset]));
    tick(store, T0, [sample(many(1))]);
    // In the next hour the lowest mirror of the first hour peaks above everyone.
    tick(store, T0 + HOUR, [sample([...many(1).slice(1), mirror("m00", [1000])])]);
    tick(store, T0 + HOUR + MIN, [sample(many(1))]);
    const perHour = store.database.prepare("SELECT hour, count(*) AS n FROM mirror_peak_hour GROUP BY hour ORDER BY hour").all();
    expect(perHour).toEqual([
      { hour: T0, n: 50 },
      { hour: T0 + HOUR, n: 80 },
    ]);
    const top = await new SqliteHistoryBackend(store).query(
      linkQuery({ to: T0 + DAY, stepMs: 5 * MIN, metrics: ["mirrorMaxLag"], top: 3 }),
    );
    expect(top.map((s) => s.key)).toEqual(["m00", "m79", "m78"]);
  });
});

describe("history store: answers kept between writes", () => {
  const maxLagPoints = (series: Awaited<ReturnType<SqliteHistoryBackend["query"]>>) => series.find((s) => s.metric === "maxLag")?.points;

  it("answers the same query once until the next sample, then with that sample", async () => {
    const store = openStore();
    const backend = new SqliteHistoryBackend(store);
    tick(store, T0, [sample([mirror("orders", [5])])]);
    const first = await backend.query(linkQuery());
    expect(await backend.query(linkQuery())).toBe(first);
    expect(await backend.query(linkQuery({ top: 1 }))).not.toBe(first);
    tick(store, T0 + S, [sample([mirror("orders", [8])])]);
    const second = await backend.query(linkQuery());
    expect(maxLagPoints(second)).toEqual([
      [T0, 5],
      [T0 + S, 8],
    ]);
    const mirrorSeries = await backend.query(mirrorQuery());
    tick(store, T0 + 2 * S, [sample([mirror("orders", [3])])]);
    expect((await backend.query(mirrorQuery())).find((s) => s.key === "orders/0")?.points).toEqual([
      [T0, 5],
      [T0 + S, 8],
      [T0 + 2 * S, 3],
    ]);
    expect(mirrorSeries.find((s) => s.key === "orders/0")?.points).toHaveLength(2);
  });

  it("reads a window again when the clock moves it from raw samples to minute buckets, without a write", async () => {
    const store = openStore();
    const backend = new SqliteHistoryBackend(store);
    for (let i = 0; i < 9; i++) tick(store, T0 + i * S, [sample([mirror("orders", [i])])]);
    const window = linkQuery({ from: T0, to: T0 + 2 * MIN - 1, metrics: ["maxLag"] });
    const fromRaw = await backend.query(window);
    expect(maxLagPoints(fromRaw)).toHaveLength(8);
    clock = T0 + RETENTION.rawMs + HOUR;
    const fromMinutes = await backend.query(window);
    expect(fromMinutes).not.toBe(fromRaw);
    expect(maxLagPoints(fromMinutes)).toEqual([
      [T0, 3],
      [T0 + MIN, 7],
    ]);
  });
});

describe("history store: the file", () => {
  it("survives a restart: a reopened file answers the same and keeps downsampling where it stopped", async () => {
    const first = openStore();
    for (let i = 0; i < 6; i++) tick(first, T0 + i * S, [sample([mirror("orders", [i])])]);
    const before = await new SqliteHistoryBackend(first).query(linkQuery());
    first.close();

    const second = openStore();
    expect(await new SqliteHistoryBackend(second).query(linkQuery())).toEqual(before);
    tick(second, T0 + 2 * MIN, [sample([mirror("orders", [100])])]);
    expect(second.database.prepare("SELECT ts, max_lag FROM link_minute ORDER BY ts").all()).toEqual([
      { ts: T0, max_lag: 3 },
      { ts: T0 + MIN, max_lag: 5 },
    ]);
    expect(logs).toEqual([]);
  });

  it("moves an unreadable file aside with one warning and starts a new one", async () => {
    openStore().close();
    stores.length = 0;
    writeFileSync(file, "this is not a database, just some text that happens to be long enough ".repeat(100));
    const store = openStore();
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(
      /^linkscope: history database .*history\.db was unreadable \(SQLITE_NOTADB\); moved it to .*\.corrupt-.* and started a new one$/,
    );
    const aside = readdirSync(path.dirname(file)).filter((f) => f.includes(".corrupt-") && !f.endsWith("-wal") && !f.endsWith("-shm"));
    expect(aside).toHaveLength(1);
    expect(readFileSync(path.join(path.dirname(file), aside[0]!), "utf8")).toMatch(/^this is not a database/);
    tick(store, T0, [sample([mirror("orders", [4])])]);
    expect((await new SqliteHistoryBackend(store).query(linkQuery({ metrics: ["maxLag"] })))[0]?.points).toEqual([[T0, 4]]);
  });

  it("moves aside a file written by another schema version", () => {
    const db = new Database(path.join(dir, "other.db"));
    db.exec(
      "CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID; INSERT INTO meta VALUES ('schema_version', 99);",
    );
    db.close();
    file = path.join(dir, "other.db");
    openStore();
    expect(logs[0]).toContain("schema version 99");
  });

  it("replaces a file found damaged while in use, then keeps working", () => {
    const store = openStore();
    tick(store, T0, [sample([mirror("orders", [4])])]);
    expect(() =>
      store.read(() => {
        throw new Database.SqliteError("database disk image is malformed", "SQLITE_CORRUPT");
      }),
    ).toThrow("malformed");
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(/is damaged \(SQLITE_CORRUPT\); moved it to/);
    expect(count(store, "link_raw")).toBe(0);
    tick(store, T0 + S, [sample([mirror("orders", [5])])]);
    expect(count(store, "link_raw")).toBe(1);
  });

  it("creates the missing directory and uses WAL mode", () => {
    const store = openStore();
    expect(existsSync(file)).toBe(true);
    expect(store.database.pragma("journal_mode", { simple: true })).toBe("wal");
  });
});
