import type { z } from "zod";
import { ApiErrorBodySchema } from "@/lib/api/error-body";

/** A failed call to our own API, carrying the documented error code and its one-sentence message. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The error's `details` as the server sent them (unchecked: read them with a schema, e.g. lastKnownOf). */
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "ApiRequestError";
  }

  /**
   * 4xx answers are deterministic: asking again gives the same answer. So is a cluster route's 503/502 about a cluster
   * known to be down (its details say when it last answered well): it comes from the cluster's last reading, and only the
   * next reading, which polling asks for anyway, can change it; retrying would only keep the page on skeletons longer.
   */
  get isDeterministic(): boolean {
    if (this.status >= 400 && this.status < 500) return true;
    return (
      (this.status === 502 || this.status === 503) &&
      typeof this.details === "object" &&
      this.details !== null &&
      "lastOkAt" in this.details
    );
  }
}

export async function fetchJson<S extends z.ZodType>(url: string, schema: S, init?: RequestInit): Promise<z.infer<S>> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, headers: { Accept: "application/json", ...init?.headers } });
  } catch {
    throw new ApiRequestError(0, "network-error", "Cannot reach the Linkscope server. Check that it is running and your network is up.");
  }
  const text = await res.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // fall through: handled below as an unreadable answer
  }
  if (!res.ok) {
    const parsed = ApiErrorBodySchema.safeParse(body);
    if (parsed.success) throw new ApiRequestError(res.status, parsed.data.error.code, parsed.data.error.message, parsed.data.error.details);
    throw new ApiRequestError(res.status, "http-error", `The Linkscope server answered ${res.status} ${res.statusText}.`);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new ApiRequestError(
      res.status,
      "unexpected-response",
      "The Linkscope server sent an answer this page cannot read; reload the page.",
    );
  }
  return parsed.data;
}
