/**
 * One listener per simulated cluster, so a stopped cluster is a refused connection. Order of
 * work per request: count it, read it, wait the injected latency, authenticate (except /metrics),
 * maybe inject a failure, then route.
 */
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { Socket } from "node:net";
import { ApiError } from "../model/errors";
import type { Rng } from "../model/rng";
import type { ClusterState } from "../model/types";
import type { World } from "../model/world";
import { readBody, sendJson, sendText, sleep } from "./io";
import { metricsText } from "./metrics";
import { errorBody } from "./responses";
import { handleRest } from "./rest-handlers";
import { matchRoute } from "./rest-router";
import { encodeFor, type WireStyle } from "./wire-style";

export interface HttpFaults {
  latencyMs: number;
  errorRate: number;
  errorMode: "500" | "malformed";
}

export interface TlsOptions {
  cert: string;
  key: string;
  ca?: string;
  requireClientCert?: boolean;
}

/** REST requests received, per cluster, keyed "METHOD /path/{template}". */
export class RequestCounters {
  private readonly counts = new Map<string, Map<string, number>>();

  record(cluster: string, key: string): void {
    let m = this.counts.get(cluster);
    if (!m) {
      m = new Map();
      this.counts.set(cluster, m);
    }
    m.set(key, (m.get(key) ?? 0) + 1);
  }

  snapshot(): Record<string, { total: number; byRoute: Record<string, number> }> {
    const out: Record<string, { total: number; byRoute: Record<string, number> }> = {};
    for (const [cluster, m] of this.counts) {
      const byRoute = Object.fromEntries([...m.entries()].sort(([a], [b]) => a.localeCompare(b)));
      out[cluster] = { total: [...m.values()].reduce((a, b) => a + b, 0), byRoute };
    }
    return out;
  }

  reset(): void {
    this.counts.clear();
  }
}

function basicCredentials(header: string | undefined): { username: string; password: string } | null {
  if (!header) return null;
  const m = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header.trim());
  if (!m?.[1]) return null;
  const decoded = Buffer.from(m[1], "base64").toString("utf8");
  const i = decoded.indexOf(":");
  if (i < 0) return null;
  return { username: decoded.slice(0, i), password: decoded.slice(i + 1) };
}

export interface ClusterServerDeps {
  world: World;
  cluster: ClusterState;
  host: string;
  port: number;
  faults: HttpFaults;
  /** Read on every answer, so the admin API can switch it while the cluster runs. */
  wire: { style: WireStyle };
  counters: RequestCounters;
  rng: Rng;
  tls?: TlsOptions | undefined;
}

export class ClusterServer {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  private boundPort: number;

  constructor(private readonly deps: ClusterServerDeps) {
    this.boundPort = deps.port;
  }

  get port(): number {
    return this.boundPort;
  }

  get origin(): string {
    const host = this.deps.host.includes(":") ? `[${this.deps.host}]` : this.deps.host;
    return `${this.deps.tls ? "https" : "http"}://${host}:${this.boundPort}`;
  }

  get listening(): boolean {
    return this.server !== null;
  }

  async start(): Promise<void> {
    if (this.server) return;
    const handler = (req: IncomingMessage, res: ServerResponse) => {
      this.handle(req, res).catch((err: unknown) => {
        if (!res.headersSent) sendJson(res, 500, errorBody(500, err instanceof Error ? err.message : "Internal Server Error"));
        else res.destroy();
      });
    };
    const tls = this.deps.tls;
    const server = tls
      ? createHttpsServer(
          {
            cert: tls.cert,
            key: tls.key,
            ...(tls.ca ? { ca: tls.ca } : {}),
            requestCert: !!tls.requireClientCert,
            rejectUnauthorized: !!tls.requireClientCert,
          },
          handler,
        )
      : createHttpServer(handler);
    // Confluent REST runs on Jetty, whose connectors close idle connections after 30 s by default; a 5 s timeout would make a client
    // polling every 5 s open new connections on every refresh.
    server.keepAliveTimeout = 30_000;
    server.on("connection", (s: Socket) => {
      this.sockets.add(s);
      s.on("close", () => this.sockets.delete(s));
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.boundPort, this.deps.host, () => {
        server.off("error", reject);
        resolve();
      });
    });
    const addr = server.address();
    if (addr && typeof addr === "object") this.boundPort = addr.port;
    this.server = server;
  }

  /** Close the port and drop open connections, so clients see a refused connection, not a hang. */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    await closed;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { world, cluster, faults, counters } = this.deps;
    const method = (req.method ?? "GET").toUpperCase();
    const url = new URL(req.url ?? "/", "http://sim.invalid");
    const rawPath = (req.url ?? "/").split("?")[0] ?? "/";
    const route = matchRoute(method, rawPath);
    const isMetrics = rawPath === "/metrics";
    counters.record(cluster.name, `${method} ${isMetrics ? "/metrics" : route.kind === "not-found" ? "(unmatched)" : route.template}`);
    const bodyText = await readBody(req);
    if (faults.latencyMs > 0) await sleep(faults.latencyMs);

    if (isMetrics) {
      if (method !== "GET") return sendJson(res, 405, errorBody(405, "HTTP 405 Method Not Allowed"));
      return sendText(res, 200, "text/plain; version=0.0.4; charset=utf-8", metricsText(world, cluster));
    }

    const creds = basicCredentials(req.headers.authorization);
    if (!creds || creds.username !== cluster.rest.username || creds.password !== cluster.rest.password) {
      res.setHeader("www-authenticate", 'Basic realm="kafka-rest"');
      return sendJson(res, 401, errorBody(40101, "Authentication failed"));
    }

    const inject = faults.errorRate > 0 && this.deps.rng() < faults.errorRate;
    if (inject && faults.errorMode === "500") return sendJson(res, 500, errorBody(500, "Internal Server Error"));

    let status: number;
    let body: unknown;
    if (route.kind === "not-found") {
      status = 404;
      body = errorBody(404, "HTTP 404 Not Found");
    } else if (route.kind === "method-not-allowed") {
      res.setHeader("allow", route.allowed.join(", "));
      status = 405;
      body = errorBody(405, "HTTP 405 Method Not Allowed");
    } else {
      try {
        const out = handleRest(route.id, {
          world,
          cluster,
          base: { origin: this.origin },
          method,
          params: route.params,
          query: url.searchParams,
          bodyText,
        });
        status = out.status;
        body = encodeFor(this.deps.wire.style, out.body);
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        status = err.status;
        body = errorBody(err.errorCode, err.message);
      }
    }
    if (inject && faults.errorMode === "malformed") {
      // The work was done; the answer is cut short on the way out, as a broken proxy would.
      const text = JSON.stringify(body ?? { kind: "KafkaLinkDataList" });
      return sendText(res, status === 204 ? 200 : status, "application/json", text.slice(0, Math.max(1, Math.floor(text.length / 2))));
    }
    sendJson(res, status, body);
  }
}
