import "server-only";
import pLimit from "p-limit";
import { request as undiciRequest, type Agent } from "undici";
import type { z } from "zod";
import type { ClusterConfig } from "@/lib/config/schema";
import { authorizationHeader, secretsOf } from "./auth-headers";
import { CircuitBreaker, type CircuitBreakerOptions } from "./circuit-breaker";
import { createDispatcher } from "./dispatcher";
import { ConfluentError, redact } from "./errors";
import { errorFromResponse } from "./http-error";
import { describeNetworkFailure } from "./network-error";
import { readCapped } from "./read-body";

export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE";
export type QueryValue = string | number | boolean | undefined;

export interface HttpRequest {
  method: HttpMethod;
  /** Encoded path starting at `/kafka/v3`; `:action` suffixes stay literal. */
  path: string;
  query?: Record<string, QueryValue>;
  /** Serialized as JSON. */
  body?: unknown;
  /** Values sent in this request that must never appear in an error message (e.g. config values being written). */
  secrets?: readonly string[];
  signal?: AbortSignal;
}

export interface HttpResponse {
  status: number;
  contentType: string;
  /** Raw body text; "" for an empty body. */
  text: string;
}

export interface TransportOptions {
  /** Requests in flight at once to this cluster. Default 8. */
  maxInFlight?: number;
  /** Retries of a GET after a network error, 5xx or 429. Default 2. POST/PUT/DELETE are never retried. */
  maxRetries?: number;
  /** Base of the jittered exponential retry delay. Default 200 ms. */
  retryBaseDelayMs?: number;
  /** Larger response bodies are refused. Default 20 MiB. */
  maxBodyBytes?: number;
  breaker?: CircuitBreakerOptions;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface Transport {
  /** Origin of the REST endpoint, for messages (never with credentials). */
  readonly origin: string;
  /** Sends a request; resolves for 2xx, throws ConfluentError otherwise. */
  send(request: HttpRequest): Promise<HttpResponse>;
  /** Sends a request and parses a JSON body with the schema; throws `malformed` when it does not match. */
  json<T>(request: HttpRequest, schema: z.ZodType<T>): Promise<T>;
  close(): Promise<void>;
}

const DEFAULT_MAX_BODY_BYTES = 20 * 1024 * 1024;
const MAX_RETRY_AFTER_MS = 2_000;

interface Attempt extends HttpResponse {
  retryAfterMs: number | null;
}

export function createTransport(cluster: ClusterConfig, options: TransportOptions = {}): Transport {
  const base = cluster.restUrl.replace(/\/+$/, "");
  const origin = displayOrigin(cluster.restUrl);
  const timeoutMs = cluster.timeoutMs;
  const maxInFlight = options.maxInFlight ?? 8;
  const maxRetries = options.maxRetries ?? 2;
  const retryBase = options.retryBaseDelayMs ?? 200;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const limit = pLimit(maxInFlight);
  const breaker = new CircuitBreaker(options.breaker);
  const authSecrets = secretsOf(cluster);
  const authorization = authorizationHeader(cluster);

  let dispatcher: Agent | null = null;
  let setupError: ConfluentError | null = null;
  try {
    dispatcher = createDispatcher(cluster, maxInFlight);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    setupError = new ConfluentError("unreachable", `Could not set up TLS for ${origin}: ${reason}`, { retriable: false });
  }

  async function attempt(request: HttpRequest, url: string): Promise<Attempt> {
    if (setupError || !dispatcher) throw setupError ?? new ConfluentError("unreachable", `The client for ${origin} is closed.`);
    const headers: Record<string, string> = { accept: "application/json" };
    if (authorization) headers.authorization = authorization;
    let body: string | undefined;
    if (request.body !== undefined) {
      headers["content-type"] = "application/json";
      body = JSON.stringify(request.body);
    }
    // One controller per attempt, aborted by our timeout or the caller's signal (cheaper than AbortSignal.any/timeout).
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const callerSignal = request.signal;
    const onCallerAbort = () => controller.abort(callerSignal?.reason);
    if (callerSignal?.aborted) onCallerAbort();
    else callerSignal?.addEventListener("abort", onCallerAbort, { once: true });
    try {
      const res = await undiciRequest(url, { method: request.method, headers, body, signal: controller.signal, dispatcher });
      const text = await readCapped(res, maxBodyBytes, `${origin} answered ${request.method} ${request.path}`);
      return {
        status: res.statusCode,
        contentType: headerValue(res.headers["content-type"]) ?? "",
        text,
        retryAfterMs: parseRetryAfter(headerValue(res.headers["retry-after"]) ?? null),
      };
    } catch (err) {
      if (err instanceof ConfluentError) throw err;
      if (callerSignal?.aborted) throw callerSignal.reason ?? err;
      if (timedOut) {
        throw new ConfluentError("timeout", `${origin} did not answer ${request.method} ${request.path} within ${timeoutMs} ms.`);
      }
      throw new ConfluentError("unreachable", `Could not connect to ${origin}: ${describeNetworkFailure(err, url.startsWith("https:"))}.`);
    } finally {
      clearTimeout(timer);
      callerSignal?.removeEventListener("abort", onCallerAbort);
    }
  }

  async function send(request: HttpRequest): Promise<HttpResponse> {
    const url = base + request.path + queryString(request.query);
    const secrets = [...authSecrets, ...(request.secrets ?? [])];
    const retriable = request.method === "GET";
    for (let n = 0; ; n++) {
      breaker.admit();
      let result: Attempt;
      try {
        result = await limit(() => attempt(request, url));
        breaker.succeeded();
      } catch (err) {
        if (!(err instanceof ConfluentError)) {
          breaker.abandoned();
          throw err;
        }
        if (err.kind === "unreachable" || err.kind === "timeout") breaker.connectionFailed(err);
        else breaker.succeeded();
        // A timeout has already waited timeoutMs: retrying it would multiply the wait for a slow cluster.
        if (retriable && err.kind === "unreachable" && err.retriable && n < maxRetries) {
          await sleep(backoff(n, null));
          continue;
        }
        throw err;
      }
      if (result.status >= 200 && result.status < 300) return result;
      if (retriable && (result.status === 429 || result.status >= 500) && n < maxRetries) {
        await sleep(backoff(n, result.retryAfterMs));
        continue;
      }
      throw errorFromResponse({ method: request.method, origin, path: request.path, ...result, secrets });
    }
  }

  function backoff(n: number, retryAfterMs: number | null): number {
    const jittered = retryBase * 2 ** n * (0.5 + random() / 2);
    return retryAfterMs === null ? jittered : Math.max(jittered, Math.min(retryAfterMs, MAX_RETRY_AFTER_MS));
  }

  async function json<T>(request: HttpRequest, schema: z.ZodType<T>): Promise<T> {
    const res = await send(request);
    const what = `${origin} answered ${request.method} ${request.path}`;
    if (res.text.trim() === "")
      throw new ConfluentError("malformed", `${what} with an empty body where JSON was expected.`, { status: res.status });
    let data: unknown;
    try {
      data = JSON.parse(res.text);
    } catch {
      throw new ConfluentError("malformed", `${what} with ${res.contentType || "a body"} that is not JSON.`, { status: res.status });
    }
    const parsed = schema.safeParse(data);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    const at = issue && issue.path.length > 0 ? issue.path.map(String).join(".") : "the top level";
    const detail = redact(issue?.message ?? "invalid", [...authSecrets, ...(request.secrets ?? [])]);
    throw new ConfluentError("malformed", `${what} with JSON that does not match the Kafka REST v3 schema at ${at}: ${detail}.`, {
      status: res.status,
    });
  }

  async function close(): Promise<void> {
    const d = dispatcher;
    dispatcher = null;
    await d?.close();
  }

  return { origin, send, json, close };
}

function queryString(query: Record<string, QueryValue> | undefined): string {
  if (!query) return "";
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.append(key, String(value));
  const qs = params.toString();
  return qs ? `?${qs}` : "";
}

/** `https://host:443`: scheme, host and port only, so messages never carry userinfo or paths. */
function displayOrigin(restUrl: string): string {
  const url = new URL(restUrl);
  const port = url.port || (url.protocol === "https:" ? "443" : "80");
  return `${url.protocol}//${url.hostname}:${port}`;
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function parseRetryAfter(value: string | null): number | null {
  if (!value) return null;
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : null;
}
