/** One timed HTTP exchange: the time until the whole body has arrived. Network failures are results, not throws. */
export interface Timed {
  url: string;
  status: number;
  ms: number;
  bytes: number;
  body: string;
  error: string | null;
}

/** An answer slower than this is a failed request (a server that stopped answering must not hang the bench). */
const GIVE_UP_MS = 60_000;

export async function timedFetch(url: string, init: RequestInit = {}): Promise<Timed> {
  const started = performance.now();
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(GIVE_UP_MS), ...init });
    const body = await res.text();
    return { url, status: res.status, ms: performance.now() - started, bytes: Buffer.byteLength(body), body, error: null };
  } catch (err) {
    return { url, status: 0, ms: performance.now() - started, bytes: 0, body: "", error: describeError(err) };
  }
}

export function ok(t: Timed): boolean {
  return t.error === null && t.status >= 200 && t.status < 300;
}

export function describeFailure(t: Timed): string {
  return t.error ?? `${t.status} ${t.body.slice(0, 200)}`;
}

/** fetch's own message is "fetch failed"; the reason is in its cause. */
function describeError(err: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = err, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof Error) parts.push(`${"code" in e && typeof e.code === "string" ? `${e.code} ` : ""}${e.message}`);
  }
  return parts.join(": ") || String(err);
}
