import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/history/route";
import { ApiErrorBodySchema } from "@/lib/api/error-body";
import { HistoryResponseSchema } from "@/lib/api/history";
import { historyStore, stopHistorySampler } from "./runtime";

// GET /api/history called as Next calls it: a Request in, a Response out, config from LINKSCOPE_CONFIG.

let dir: string;
const NOW = Date.now();
const T = NOW - (NOW % 60_000) - 10 * 60_000;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "linkscope-route-"));
  const config = path.join(dir, "linkscope.config.yaml");
  writeFileSync(
    config,
    [
      "clusters:",
      "  - name: dr",
      "    restUrl: http://127.0.0.1:9",
      "history:",
      `  path: ${JSON.stringify(path.join(dir, "data", "history.db"))}`,
    ].join("\n"),
  );
  process.env.LINKSCOPE_CONFIG = config;
  const store = historyStore();
  for (let i = 0; i < 4; i++) {
    store.record(T + i * 15_000, [
      {
        cluster: "dr",
        link: "primary-to-dr",
        mirrors: [
          {
            topic: "orders",
            partitions: [
              { partition: 0, lag: 10 * i, lastSourceFetchOffset: 500 + i },
              { partition: 1, lag: 1, lastSourceFetchOffset: 7 },
            ],
          },
          { topic: "idle", partitions: [{ partition: 0, lag: 0, lastSourceFetchOffset: 3 }] },
        ],
      },
    ]);
  }
});

afterAll(async () => {
  await stopHistorySampler();
  rmSync(dir, { recursive: true, force: true });
});

async function get(query: string) {
  const res = await GET(new Request(`http://localhost/api/history?${query}`));
  return { status: res.status, json: (await res.json()) as unknown, cacheControl: res.headers.get("cache-control") };
}

async function expectInvalid(query: string, field: string, message: RegExp) {
  const { status, json } = await get(query);
  expect(status).toBe(400);
  const body = ApiErrorBodySchema.parse(json);
  expect(body.error.code).toBe("invalid-request");
  expect(body.error.message).toMatch(new RegExp(`^Invalid query: ${field}: `));
  expect(body.error.message).toMatch(message);
  return body;
}

describe("GET /api/history", () => {
  it("answers link-level max and total lag and the top lagging mirrors, uncached", async () => {
    const { status, json, cacheControl } = await get(`cluster=dr&link=primary-to-dr&from=${T}&to=${T + 3_600_000}`);
    expect(status).toBe(200);
    expect(cacheControl).toBe("no-store");
    const body = HistoryResponseSchema.parse(json);
    expect(body).toMatchObject({ source: "sampler", from: T, to: T + 3_600_000, step: 15 });
    expect(body.series.map((s) => [s.key, s.metric, s.points.length])).toEqual([
      ["primary-to-dr", "maxLag", 4],
      ["primary-to-dr", "totalLag", 4],
      ["orders", "mirrorMaxLag", 4],
    ]);
    expect(body.series[1]?.points[3]).toEqual([T + 45_000, 31]);
  });

  it("answers per-partition series for a topic, with ISO times and a chosen step and metrics", async () => {
    const from = new Date(T).toISOString();
    const to = new Date(T + 60_000).toISOString().replace("Z", "+00:00");
    const { status, json } = await get(
      `cluster=dr&link=primary-to-dr&topic=orders&partition=0&from=${from}&to=${encodeURIComponent(to)}&step=30&metrics=lag,mirrorMaxLag`,
    );
    expect(status).toBe(200);
    expect(HistoryResponseSchema.parse(json).series).toEqual([
      {
        key: "orders/0",
        metric: "lag",
        points: [
          [T, 10],
          [T + 30_000, 30],
        ],
      },
      {
        key: "orders",
        metric: "mirrorMaxLag",
        points: [
          [T, 10],
          [T + 30_000, 30],
        ],
      },
    ]);
  });

  it("defaults to the last hour ending now with a step for about 500 points", async () => {
    const body = HistoryResponseSchema.parse((await get("cluster=dr&link=primary-to-dr&top=0")).json);
    expect(body.to - body.from).toBe(3_600_000);
    expect(Math.abs(body.to - Date.now())).toBeLessThan(60_000);
    expect(body.series.map((s) => s.metric)).toEqual(["maxLag", "totalLag"]);
    const week = HistoryResponseSchema.parse((await get(`cluster=dr&link=primary-to-dr&from=${T - 7 * 86_400_000}&to=${T}`)).json);
    expect(week.step).toBe(1800);
  });

  it("answers 404 for a cluster that is not configured, and empty series for a link never sampled", async () => {
    const missing = await get("cluster=nowhere&link=primary-to-dr");
    expect(missing.status).toBe(404);
    expect(ApiErrorBodySchema.parse(missing.json).error.code).toBe("not-found");
    const unknownLink = HistoryResponseSchema.parse((await get("cluster=dr&link=never-seen")).json);
    expect(unknownLink.series.every((s) => s.points.length === 0)).toBe(true);
  });

  it("names the field of bad input", async () => {
    await expectInvalid("link=primary-to-dr", "cluster", /is required/);
    await expectInvalid("cluster=dr", "link", /is required/);
    await expectInvalid("cluster=DR&link=l", "cluster", /slug/);
    await expectInvalid("cluster=dr&link=bad%20name", "link", /./);
    await expectInvalid("cluster=dr&link=l&topic=a%2Fb", "topic", /./);
    await expectInvalid("cluster=dr&link=l&partition=1", "partition", /needs a topic/);
    await expectInvalid("cluster=dr&link=l&topic=t&partition=-1", "partition", /partition number/);
    await expectInvalid("cluster=dr&link=l&from=yesterday", "from", /epoch milliseconds or an ISO 8601/);
    await expectInvalid("cluster=dr&link=l&to=2026-11-21", "to", /ISO 8601/);
    await expectInvalid(`cluster=dr&link=l&from=${T + 1}&to=${T}`, "from", /must not be after to/);
    await expectInvalid(`cluster=dr&link=l&from=${T - 9 * 86_400_000}&to=${T}`, "from", /at most 8 days/);
    await expectInvalid(
      `cluster=dr&link=l&from=${T - 7 * 86_400_000}&to=${T}&step=15`,
      "step",
      /40321 points per series, more than 11000; use at least 55/,
    );
    await expectInvalid("cluster=dr&link=l&step=0", "step", /at least 1/);
    await expectInvalid("cluster=dr&link=l&step=1.5", "step", /whole number of seconds/);
    await expectInvalid(
      "cluster=dr&link=l&metrics=lag",
      "metrics",
      /lag cannot be asked without a topic; use maxLag, totalLag, mirrorMaxLag/,
    );
    await expectInvalid("cluster=dr&link=l&metrics=maxLag,bogus", "metrics", /bogus is not a metric; use maxLag, /);
    await expectInvalid("cluster=dr&link=l&metrics=,", "metrics", /names no metric/);
    await expectInvalid("cluster=dr&link=l&topic=t&top=3", "top", /link-level history only/);
    await expectInvalid("cluster=dr&link=l&top=51", "top", /at most 50/);
    const unknown = await get("cluster=dr&link=l&start=1");
    expect(unknown.status).toBe(400);
    expect(ApiErrorBodySchema.parse(unknown.json).error.message).toBe('Invalid query: Unrecognized key: "start".');
  });
});
