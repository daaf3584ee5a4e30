import "server-only";
import type { z } from "zod";
import { PrometheusError } from "../errors";
import { EnvelopeSchema, MatrixSchema, VectorSchema, type Matrix, type Vector } from "./answers";

export interface PrometheusClientOptions {
  /** history.prometheusUrl; may carry a path prefix and user:password. */
  url: string;
  timeoutMs?: number;
  maxBytes?: number;
  fetch?: typeof fetch;
}

export interface PrometheusClient {
  queryRange(query: string, range: { startS: number; endS: number; stepS: number }): Promise<Matrix>;
  queryInstant(query: string, timeS: number): Promise<Vector>;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_BYTES = 32 * 1024 * 1024;
const WHAT = "Prometheus (history.prometheusUrl)";

/** The base URL without credentials (fetch refuses them in URLs), and those credentials as a Basic header. */
function endpoint(url: string): { base: URL; headers: Record<string, string> } {
  const base = new URL(url.endsWith("/") ? url : `${url}/`);
  const headers: Record<string, string> = { accept: "application/json" };
  if (base.username || base.password) {
    const user = decodeURIComponent(base.username);
    const password = decodeURIComponent(base.password);
    headers.authorization = `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
    base.username = "";
    base.password = "";
  }
  return { base, headers };
}

const tooLarge = (maxBytes: number, status: number) =>
  new PrometheusError("bad-answer", `${WHAT} answered more than ${maxBytes} bytes; narrow the range or raise step.`, status);

async function readCapped(res: Response, maxBytes: number): Promise<string> {
  if (!res.body) return "";
  if (Number(res.headers.get("content-length") ?? 0) > maxBytes) {
    await res.body.cancel().catch(() => undefined);
    throw tooLarge(maxBytes, res.status);
  }
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes, res.status);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

const oneLine = (text: string) => text.replace(/\s+/g, " ").slice(0, 200);

export function createPrometheusClient(options: PrometheusClientOptions): PrometheusClient {
  const { base, headers } = endpoint(options.url);
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;

  async function call<S extends z.ZodType>(path: string, params: Record<string, string>, schema: S): Promise<z.infer<S>> {
    let res: Response;
    try {
      // POST form: the same API as GET, without URL length limits for long topic lists.
      res = await doFetch(new URL(path, base), {
        method: "POST",
        headers: { ...headers, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(params).toString(),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      if (err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError")) {
        throw new PrometheusError("timeout", `${WHAT} did not answer within ${(timeoutMs / 1000).toFixed(0)} s.`);
      }
      throw new PrometheusError("unreachable", `${WHAT} could not be reached; check the URL and that Prometheus is running.`);
    }
    let text: string;
    try {
      text = await readCapped(res, maxBytes);
    } catch (err) {
      if (err instanceof PrometheusError) throw err;
      throw new PrometheusError("timeout", `${WHAT} did not finish its answer within ${(timeoutMs / 1000).toFixed(0)} s.`, res.status);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new PrometheusError(
        "bad-answer",
        `${WHAT} answered HTTP ${res.status} with something that is not JSON; is the URL a Prometheus server?`,
        res.status,
      );
    }
    const envelope = EnvelopeSchema.safeParse(json);
    if (!envelope.success) {
      throw new PrometheusError(
        "bad-answer",
        `${WHAT} answered HTTP ${res.status} without a Prometheus API envelope; is the URL a Prometheus server?`,
        res.status,
      );
    }
    if (envelope.data.status === "error") {
      const why = oneLine(envelope.data.error ?? envelope.data.errorType ?? "no reason given");
      throw new PrometheusError("query-error", `${WHAT} rejected the query (HTTP ${res.status}): ${why}.`, res.status);
    }
    const data = schema.safeParse(envelope.data.data);
    if (!data.success) throw new PrometheusError("bad-answer", `${WHAT} answered a result of an unexpected shape.`, res.status);
    return data.data;
  }

  return {
    queryRange: (query, { startS, endS, stepS }) =>
      call("api/v1/query_range", { query, start: String(startS), end: String(endS), step: String(stepS) }, MatrixSchema),
    queryInstant: (query, timeS) => call("api/v1/query", { query, time: String(timeS) }, VectorSchema),
  };
}
