import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/history/route";
import { ApiErrorBodySchema } from "@/lib/api/error-body";
import { HistoryResponseSchema } from "@/lib/api/history";

// GET /api/history with `history.backend: prometheus`, against a fake Prometheus on a loopback port.

let dir: string;
let server: Server;
let mode: "ok" | "html" = "ok";
const queries: string[] = [];
const T = Date.UTC(2026, 10, 21, 12, 0, 0);

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      const query = new URLSearchParams(body).get("query") ?? "";
      queries.push(query);
      if (mode === "html") {
        res.writeHead(200, { "content-type": "text/html" });
        return res.end("<html>proxy login</html>");
      }
      const result = query.startsWith("max by (topic, partition)")
        ? [{ metric: { topic: "orders", partition: "0" }, values: [[T / 1000 + 15, "4"]] }]
        : [];
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ status: "success", data: { resultType: "matrix", result } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  dir = mkdtempSync(path.join(tmpdir(), "linkscope-route-prom-"));
  const config = path.join(dir, "linkscope.config.yaml");
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  writeFileSync(
    config,
    ["clusters:", "  - name: dr", "    restUrl: http://127.0.0.1:9", "history:", "  backend: prometheus", `  prometheusUrl: ${url}`].join(
      "\n",
    ),
  );
  process.env.LINKSCOPE_CONFIG = config;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

const get = async (query: string) => {
  const res = await GET(new Request(`http://localhost/api/history?${query}`));
  return { status: res.status, json: (await res.json()) as unknown };
};

describe("GET /api/history from Prometheus", () => {
  it("answers per-partition lag with source prometheus; lag is the only default metric", async () => {
    mode = "ok";
    const { status, json } = await get(`cluster=dr&link=primary-to-dr&topic=orders&from=${T}&to=${T + 60_000}`);
    expect(status).toBe(200);
    expect(HistoryResponseSchema.parse(json)).toEqual({
      source: "prometheus",
      from: T,
      to: T + 60_000,
      step: 15,
      series: [{ key: "orders/0", metric: "lag", points: [[T, 4]] }],
    });
  });

  it("refuses lastSourceFetchOffset with a 400 naming metrics", async () => {
    const { status, json } = await get("cluster=dr&link=primary-to-dr&topic=orders&metrics=lastSourceFetchOffset");
    expect(status).toBe(400);
    expect(ApiErrorBodySchema.parse(json).error.message).toMatch(
      /^Invalid query: metrics: lastSourceFetchOffset is not exported to Prometheus/,
    );
  });

  it("answers 502 upstream-error when Prometheus answers something else", async () => {
    mode = "html";
    const { status, json } = await get("cluster=dr&link=primary-to-dr");
    expect(status).toBe(502);
    expect(ApiErrorBodySchema.parse(json).error).toEqual({
      code: "upstream-error",
      message: "Prometheus (history.prometheusUrl) answered HTTP 200 with something that is not JSON; is the URL a Prometheus server?",
      details: { backend: "prometheus", status: 200 },
    });
  });
});
