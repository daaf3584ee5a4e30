/**
 * A small HTTP(S) server that replays Kafka REST v3 answers per method + path (+ query) and records every request
 * (test/contract/conformance.ts checks them against the vendor spec, in a test of its own). Optionally TLS with a
 * required client certificate.
 */
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  /** Raw request path without the server's prefix and without the query. */
  path: string;
  query: Record<string, string>;
  headers: IncomingMessage["headers"];
  /** Parsed JSON body, raw text if not JSON, undefined if empty. */
  body: unknown;
  /** Client certificate subject CN over mTLS, if any. */
  clientCertCn?: string;
}

export interface FixtureResponse {
  status: number;
  /** Object → JSON; string → sent as is; undefined → no body. */
  body?: unknown;
  contentType?: string;
  headers?: Record<string, string>;
  delayMs?: number;
  /** Drop the connection instead of answering (a network error for the client). */
  destroy?: boolean;
}

export interface Route {
  method: string;
  path: string;
  /** Query parameters that must be present with these values; the most specific matching route wins. */
  query?: Record<string, string>;
  respond: FixtureResponse | ((req: RecordedRequest, hit: number) => FixtureResponse | Promise<FixtureResponse>);
}

export interface FixtureServerOptions {
  routes?: Route[];
  /** Path prefix the server lives under, e.g. `/some/prefix`. */
  prefix?: string;
  tls?: { cert: string; key: string; ca?: string; requireClientCert?: boolean };
}

export interface FixtureServer {
  url: string;
  requests: RecordedRequest[];
  route(route: Route): void;
  /** Requests currently being answered (for concurrency tests). */
  inFlight(): number;
  maxInFlight(): number;
  close(): Promise<void>;
}

export async function startFixtureServer(options: FixtureServerOptions = {}): Promise<FixtureServer> {
  const routes: Route[] = [...(options.routes ?? [])];
  const hits = new Map<Route, number>();
  const requests: RecordedRequest[] = [];
  const prefix = (options.prefix ?? "").replace(/\/+$/, "");
  let inFlight = 0;
  let maxInFlight = 0;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      const raw = req.url ?? "/";
      const q = raw.indexOf("?");
      const fullPath = q >= 0 ? raw.slice(0, q) : raw;
      const query = Object.fromEntries(new URLSearchParams(q >= 0 ? raw.slice(q + 1) : ""));
      const text = await readBody(req);
      let body: unknown = text === "" ? undefined : text;
      try {
        if (text !== "") body = JSON.parse(text);
      } catch {
        // keep the raw text
      }
      if (prefix && !fullPath.startsWith(`${prefix}/`)) return send(res, { status: 404, body: `Not under ${prefix}`, contentType: "text/plain" });
      const path = fullPath.slice(prefix.length);
      const peer = "getPeerCertificate" in req.socket && typeof req.socket.getPeerCertificate === "function" ? req.socket.getPeerCertificate() : null;
      const recorded: RecordedRequest = {
        method: req.method ?? "GET",
        path,
        query,
        headers: req.headers,
        body,
        ...(peer && typeof peer === "object" && "subject" in peer && peer.subject ? { clientCertCn: String(peer.subject.CN) } : {}),
      };
      requests.push(recorded);

      const route = pick(routes, recorded);
      if (!route) return send(res, { status: 404, body: `No fixture for ${recorded.method} ${path}`, contentType: "text/plain" });
      const hit = (hits.get(route) ?? 0) + 1;
      hits.set(route, hit);
      const answer = typeof route.respond === "function" ? await route.respond(recorded, hit) : route.respond;
      if (answer.delayMs) await new Promise((r) => setTimeout(r, answer.delayMs));
      if (answer.destroy) {
        req.socket.destroy();
        return;
      }
      send(res, answer);
    } finally {
      inFlight--;
    }
  }

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) send(res, { status: 500, body: String(err), contentType: "text/plain" });
    });
  };
  const server: Server = options.tls
    ? createHttpsServer(
        {
          cert: options.tls.cert,
          key: options.tls.key,
          ...(options.tls.ca ? { ca: options.tls.ca } : {}),
          requestCert: options.tls.requireClientCert ?? false,
          rejectUnauthorized: options.tls.requireClientCert ?? false,
        },
        listener,
      )
    : createHttpServer(listener);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const scheme = options.tls ? "https" : "http";

  return {
    url: `${scheme}://127.0.0.1:${port}${prefix}`,
    requests,
    route: (r) => routes.unshift(r),
    inFlight: () => inFlight,
    maxInFlight: () => maxInFlight,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function pick(routes: Route[], req: RecordedRequest): Route | undefined {
  let best: Route | undefined;
  let bestScore = -1;
  for (const r of routes) {
    if (r.method !== req.method || r.path !== req.path) continue;
    const q = Object.entries(r.query ?? {});
    if (!q.every(([k, v]) => req.query[k] === v)) continue;
    if (q.length > bestScore) {
      best = r;
      bestScore = q.length;
    }
  }
  return best;
}

function send(res: ServerResponse, answer: FixtureResponse): void {
  const headers: Record<string, string> = { ...(answer.headers ?? {}) };
  let payload: string | undefined;
  if (answer.body !== undefined) {
    payload = typeof answer.body === "string" ? answer.body : JSON.stringify(answer.body);
    headers["content-type"] = answer.contentType ?? (typeof answer.body === "string" ? "text/plain" : "application/json");
  }
  res.writeHead(answer.status, headers);
  res.end(payload);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
