/**
 * For the smoke test: the app's route handlers behind a plain node:http server, so the benchmark's HTTP-level
 * measurements run against the real server code without a production build. Path parameters are matched from
 * `[name]` segments, as Next.js would.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { required } from "@/lib/domain/required";

export type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

export interface RouteModule {
  /** e.g. "/api/clusters/[cluster]/links/[link]/mirrors" */
  path: string;
  methods: Partial<Record<string, Handler>>;
}

interface Compiled {
  pattern: RegExp;
  names: string[];
  methods: RouteModule["methods"];
}

function compile(route: RouteModule): Compiled {
  const names: string[] = [];
  const source = route.path
    .split("/")
    .map((segment) => {
      const m = /^\[(\w+)\]$/.exec(segment);
      if (!m) return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      names.push(required(m[1], "the parameter name"));
      return "([^/]+)";
    })
    .join("/");
  return { pattern: new RegExp(`^${source}$`), names, methods: route.methods };
}

async function toRequest(req: IncomingMessage, origin: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
  const hasBody = req.method !== "GET" && req.method !== "HEAD" && chunks.length > 0;
  return new Request(new URL(req.url ?? "/", origin), { method: req.method, headers, ...(hasBody ? { body: Buffer.concat(chunks) } : {}) });
}

async function send(res: ServerResponse, answer: Response): Promise<void> {
  const body = Buffer.from(await answer.arrayBuffer());
  res.writeHead(answer.status, Object.fromEntries(answer.headers.entries()));
  res.end(body);
}

export async function startRouteServer(routes: readonly RouteModule[]): Promise<{ baseUrl: string; stop(): Promise<void> }> {
  const compiled = routes.map(compile);
  const server = createServer((req, res) => {
    const origin = `http://${req.headers.host ?? "127.0.0.1"}`;
    const path = new URL(req.url ?? "/", origin).pathname;
    void (async () => {
      for (const route of compiled) {
        const m = route.pattern.exec(path);
        if (!m) continue;
        const handler = route.methods[req.method ?? "GET"];
        if (!handler) return send(res, new Response(null, { status: 405 }));
        const params = Object.fromEntries(route.names.map((n, i) => [n, decodeURIComponent(required(m[i + 1], `parameter ${n}`))]));
        return send(res, await handler(await toRequest(req, origin), { params: Promise.resolve(params) }));
      }
      return send(res, new Response(null, { status: 404 }));
    })().catch((err: unknown) => {
      res.writeHead(500);
      res.end(String(err));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
