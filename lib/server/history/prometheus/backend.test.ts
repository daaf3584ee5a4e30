import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { HistoryQuery } from "../backend";
import { PrometheusError, TooManyPointsError, UnsupportedHistoryQueryError } from "../errors";
import { PrometheusHistoryBackend } from "./backend";
import { createPrometheusClient } from "./client";

interface Seen {
  path: string;
  method: string;
  authorization: string | undefined;
  form: Record<string, string>;
}

type Answer = (form: Record<string, string>, path: string) => { status?: number; body: unknown; raw?: string };

let server: Server;
let base: string;
let seen: Seen[];
let answer: Answer;

beforeEach(async () => {
  seen = [];
  answer = () => ({ body: { status: "success", data: { resultType: "matrix", result: [] } } });
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let text = "";
    req.on("data", (c: Buffer) => (text += c.toString()));
    req.on("end", () => {
      const form = Object.fromEntries(new URLSearchParams(text));
      seen.push({ path: req.url ?? "", method: req.method ?? "", authorization: req.headers.authorization, form });
      if (form.query === "hang") return; // never answers
      const a = answer(form, req.url ?? "");
      res.writeHead(a.status ?? 200, { "content-type": "application/json" });
      res.end(a.raw ?? JSON.stringify(a.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const T0 = Date.UTC(2026, 10, 21, 12, 0, 0);
const t0s = T0 / 1000;
const matrix = (result: Array<{ metric: Record<string, string>; values: Array<[number, string]> }>) => ({ status: "success", data: { resultType: "matrix", result } });
const vector = (result: Array<{ metric: Record<string, string>; value: [number, string] }>) => ({ status: "success", data: { resultType: "vector", result } });

const backendAt = (url = base, timeoutMs?: number) => new PrometheusHistoryBackend(createPrometheusClient({ url, ...(timeoutMs ? { timeoutMs } : {}) }));

const linkQuery: HistoryQuery = { level: "link", cluster: "dr", link: "primary-to-dr", from: T0 + 10_000, to: T0 + 3_600_000, stepMs: 60_000, metrics: ["maxLag", "totalLag", "mirrorMaxLag"], top: 2 };
const mirrorQuery: HistoryQuery = { level: "mirror", cluster: "dr", link: "primary-to-dr", topic: "orders.v1", partition: null, from: T0, to: T0 + 300_000, stepMs: 15_000, metrics: ["lag"] };

describe("Prometheus history backend", () => {
  it("asks for link max lag, total lag and the top mirrors, with step-aligned buckets reported at their start", async () => {
    answer = (form) => {
      if (form.query?.startsWith("topk")) return { body: vector([{ metric: { topic: "b" }, value: [t0s + 3600, "40"] }, { metric: { topic: "a" }, value: [t0s + 3600, "90"] }]) };
      if (form.query?.includes("topic=~")) {
        return { body: matrix([{ metric: { topic: "b" }, values: [[t0s + 120, "40"]] }, { metric: { topic: "a" }, values: [[t0s + 60, "90"], [t0s + 120, "NaN"]] }]) };
      }
      if (form.query?.startsWith("max by (link_name)")) return { body: matrix([{ metric: { link_name: "primary-to-dr" }, values: [[t0s + 60, "7"], [t0s + 120, "9"]] }]) };
      return { body: matrix([{ metric: { link_name: "primary-to-dr" }, values: [[t0s + 60, "12"]] }]) };
    };
    const series = await backendAt().query(linkQuery);
    expect(series).toEqual([
      { key: "primary-to-dr", metric: "maxLag", points: [[T0, 7], [T0 + 60_000, 9]] },
      { key: "primary-to-dr", metric: "totalLag", points: [[T0, 12]] },
      { key: "a", metric: "mirrorMaxLag", points: [[T0, 90]] },
      { key: "b", metric: "mirrorMaxLag", points: [[T0 + 60_000, 40]] },
    ]);
    const queries = seen.map((s) => s.form.query).sort();
    expect(queries).toEqual(
      [
        'max by (link_name) (max_over_time(kafka_server_link_clusterlinkfetchermanager_maxlag{link_name="primary-to-dr"}[60s]))',
        'max by (topic) (max_over_time(kafka_server_fetcherlagmetrics_consumerlag{link_name="primary-to-dr",topic=~"a|b"}[60s]))',
        'sum by (link_name) (max by (link_name, topic, partition) (kafka_server_fetcherlagmetrics_consumerlag{link_name="primary-to-dr"}))',
        'topk(2, max by (topic) (max_over_time(kafka_server_fetcherlagmetrics_consumerlag{link_name="primary-to-dr"}[3590s])) > 0)',
      ].sort(),
    );
    const range = seen.find((s) => s.form.query?.startsWith("max by (link_name)"));
    expect(range).toMatchObject({ method: "POST", path: "/api/v1/query_range", form: { start: String(t0s + 60), end: String(t0s + 3660), step: "60" } });
    expect(seen.find((s) => s.form.query?.startsWith("topk"))).toMatchObject({ path: "/api/v1/query", form: { time: String(t0s + 3600) } });
  });

  it("answers empty link series when Prometheus has none, and skips the range query when no mirror lags", async () => {
    answer = (form) => (form.query?.startsWith("topk") ? { body: vector([]) } : { body: matrix([]) });
    expect(await backendAt().query(linkQuery)).toEqual([
      { key: "primary-to-dr", metric: "maxLag", points: [] },
      { key: "primary-to-dr", metric: "totalLag", points: [] },
    ]);
    expect(seen).toHaveLength(3);
  });

  it("maps per-partition lag to topic/partition series in partition order, escaping label values", async () => {
    answer = () => ({
      body: matrix([
        { metric: { topic: "orders.v1", partition: "10" }, values: [[t0s + 15, "3"]] },
        { metric: { topic: "orders.v1", partition: "2" }, values: [[t0s + 15, "1"], [t0s + 30, "+Inf"]] },
      ]),
    });
    const series = await backendAt().query(mirrorQuery);
    expect(series.map((s) => [s.key, s.points])).toEqual([
      ["orders.v1/2", [[T0, 1]]],
      ["orders.v1/10", [[T0, 3]]],
    ]);
    expect(seen[0]?.form.query).toBe(
      'max by (topic, partition) (max_over_time(kafka_server_fetcherlagmetrics_consumerlag{link_name="primary-to-dr",topic="orders.v1"}[60s]))',
    );
    await backendAt().query({ ...mirrorQuery, link: 'we"ird\\link', partition: 3, metrics: ["lag", "mirrorTotalLag"] });
    expect(seen.slice(1).map((s) => s.form.query).sort()).toEqual([
      'max by (topic, partition) (max_over_time(kafka_server_fetcherlagmetrics_consumerlag{link_name="we\\"ird\\\\link",topic="orders.v1",partition="3"}[60s]))',
      'sum by (topic) (max by (topic, partition) (kafka_server_fetcherlagmetrics_consumerlag{link_name="we\\"ird\\\\link",topic="orders.v1"}))',
    ]);
  });

  it("refuses lastSourceFetchOffset, which Prometheus does not have", async () => {
    await expect(backendAt().query({ ...mirrorQuery, metrics: ["lag", "lastSourceFetchOffset"] })).rejects.toBeInstanceOf(UnsupportedHistoryQueryError);
    expect(seen).toHaveLength(0);
  });

  it("stops at the point budget", async () => {
    const values: Array<[number, string]> = Array.from({ length: 11_000 }, (_, i) => [t0s + i, "1"]);
    answer = () => ({ body: matrix(Array.from({ length: 20 }, (_, p) => ({ metric: { topic: "orders.v1", partition: String(p) }, values }))) });
    await expect(backendAt().query(mirrorQuery)).rejects.toBeInstanceOf(TooManyPointsError);
  });

  it("sends credentials from the URL as Basic auth and keeps the URL's path prefix", async () => {
    const withAuth = `${base.replace("http://", "http://reader:p%40ss@")}/prom`;
    await backendAt(withAuth).query(mirrorQuery);
    expect(seen[0]).toMatchObject({ path: "/prom/api/v1/query_range", authorization: `Basic ${Buffer.from("reader:p@ss").toString("base64")}` });
  });
});

describe("Prometheus client errors", () => {
  const failure = async (promise: Promise<unknown>) => {
    const err = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(PrometheusError);
    return err as PrometheusError;
  };

  it("passes on Prometheus's own reason for a rejected query", async () => {
    answer = () => ({ status: 400, body: { status: "error", errorType: "bad_data", error: "1:5: parse error: unexpected\nthing" } });
    const err = await failure(backendAt().query(mirrorQuery));
    expect(err.kind).toBe("query-error");
    expect(err.status).toBe(400);
    expect(err.message).toBe("Prometheus (history.prometheusUrl) rejected the query (HTTP 400): 1:5: parse error: unexpected thing.");
  });

  it("calls an HTML page, a foreign JSON document or an unexpected result type a bad answer", async () => {
    answer = () => ({ body: null, raw: "<html>login</html>" });
    expect((await failure(backendAt().query(mirrorQuery))).kind).toBe("bad-answer");
    answer = () => ({ body: { hello: "world" } });
    expect((await failure(backendAt().query(mirrorQuery))).message).toMatch(/without a Prometheus API envelope/);
    answer = () => ({ body: vector([]) });
    expect((await failure(backendAt().query(mirrorQuery))).message).toMatch(/unexpected shape/);
  });

  it("refuses an answer over the size cap", async () => {
    answer = () => ({ body: matrix([{ metric: { topic: "orders.v1", partition: "0" }, values: Array.from({ length: 500 }, (_, i) => [t0s + i, "1"] as [number, string]) }]) });
    const client = createPrometheusClient({ url: base, maxBytes: 1000 });
    const err = await failure(client.queryRange("x", { startS: 0, endS: 1, stepS: 1 }));
    expect(err.message).toMatch(/more than 1000 bytes/);
  });

  it("reports a timeout and an unreachable server", async () => {
    const client = createPrometheusClient({ url: base, timeoutMs: 100 });
    expect((await failure(client.queryRange("hang", { startS: 0, endS: 1, stepS: 1 }))).kind).toBe("timeout");
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const err = await failure(createPrometheusClient({ url: `http://127.0.0.1:${port}` }).queryInstant("up", 0));
    expect(err.kind).toBe("unreachable");
    expect(err.message).not.toContain(String(port));
  });
});
