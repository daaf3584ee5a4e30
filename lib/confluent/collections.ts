import "server-only";
import type { z } from "zod";
import { ConfluentError } from "./errors";
import { CollectionEnvelopeSchema } from "./schemas/common";
import type { HttpRequest, Transport } from "./transport";

const MAX_PAGES = 100;

/** Rows of one collection answer that did not match their schema and were left out. */
export interface UnreadableRows {
  /** `GET …/links`: the request, without the cluster part of the path. */
  request: string;
  unreadable: number;
  total: number;
  /** Where and why the first unreadable row failed, e.g. `data.5.topic_names: expected array, received null`. */
  firstIssue: string;
}

export interface CollectionOptions {
  /** Rows dropped before validation, silently: leftovers a server is known to list (nameless UNMANAGED_SOURCE links). */
  skip?: (row: unknown) => boolean;
  /** Told once per read when some rows could not be read; without it they are logged. */
  onUnreadableRows?: (report: UnreadableRows) => void;
}

/** "1 of 6 rows of GET …/links could not be read: data.5.topic_names: expected array, received null". */
export function describeUnreadableRows(r: UnreadableRows): string {
  return `${r.unreadable} of ${r.total} rows of ${r.request} could not be read: ${r.firstIssue}`;
}

/**
 * Reads a collection, leniently per row: one row that does not match its schema is left out and reported, and the
 * rest of the list is used (a cluster must not vanish for one odd row). Go's `null` for an empty `data` list is an
 * empty list. An answer that is not JSON, or not a collection at all, still fails as a whole (`malformed`).
 * No link or mirror endpoint paginates today (`metadata.next` is always null), but a non-null `next` is followed
 * defensively, through this cluster's own base URL.
 */
export async function readCollection<T extends z.ZodType>(
  transport: Transport,
  request: HttpRequest,
  item: T,
  options: CollectionOptions = {},
): Promise<Array<z.output<T>>> {
  return readRows(transport, request, (row) => item.safeParse(row), options);
}

/**
 * readCollection for the largest answers, read into their final shape: `fast` turns a plainly well-formed row straight
 * into the output (null when it cannot tell), and only the rows it declines are parsed with the schema and mapped.
 * `fast` must accept no row the schema refuses and build what `map` builds from the schema's output, so the answer,
 * the rows left out and the reasons given are those of the schema alone.
 */
export async function readCollectionFast<T extends z.ZodType, U>(
  transport: Transport,
  request: HttpRequest,
  item: T,
  map: (row: z.output<T>) => U,
  fast: (row: unknown) => U | null,
  options: CollectionOptions = {},
): Promise<U[]> {
  return readRows(
    transport,
    request,
    (row): RowResult<U> => {
      const quick = fast(row);
      if (quick !== null) return { success: true, data: quick };
      const parsed = item.safeParse(row);
      return parsed.success ? { success: true, data: map(parsed.data) } : parsed;
    },
    options,
  );
}

type RowResult<U> = { success: true; data: U } | { success: false; error: z.ZodError };

async function readRows<U>(
  transport: Transport,
  request: HttpRequest,
  decode: (row: unknown) => RowResult<U>,
  options: CollectionOptions,
): Promise<U[]> {
  const out: U[] = [];
  const seen = new Set<string>([request.path]);
  let total = 0;
  let unreadable = 0;
  let firstIssue: string | null = null;
  let next: HttpRequest | null = request;
  for (let page = 0; next; page++) {
    if (page >= MAX_PAGES) {
      throw new ConfluentError("malformed", `${transport.origin} kept paginating ${request.path} past ${MAX_PAGES} pages.`);
    }
    const body = await transport.json(next, CollectionEnvelopeSchema);
    for (const row of body.data ?? []) {
      if (options.skip?.(row)) continue;
      const index = total++;
      const parsed = decode(row);
      if (parsed.success) {
        out.push(parsed.data);
        continue;
      }
      unreadable++;
      firstIssue ??= describeIssue(index, parsed.error);
    }
    next = nextPage(request, body.metadata?.next ?? null, seen);
  }
  if (firstIssue !== null) {
    const report: UnreadableRows = { request: `${request.method} ${shortPath(request.path)}`, unreadable, total, firstIssue };
    if (options.onUnreadableRows) options.onUnreadableRows(report);
    else console.warn(`linkscope: ${transport.origin}: ${describeUnreadableRows(report)}`);
  }
  return out;
}

function describeIssue(index: number, error: z.ZodError): string {
  const issue = error.issues[0];
  const at = ["data", index, ...(issue?.path ?? [])].map(String).join(".");
  const message = (issue?.message ?? "invalid").replace(/^Invalid input: /, "");
  return `${at}: ${message}`;
}

/** `/kafka/v3/clusters/lkc-1/links` → `…/links`: the cluster is already named by whoever reports it. */
function shortPath(path: string): string {
  return path.replace(/^\/kafka\/v3\/clusters\/[^/]+/, "…");
}

/**
 * readCollection, with the rows left out counted instead of reported: for callers that say "N groups could not be read"
 * beside what they show.
 */
export async function readLenientCollection<T extends z.ZodType>(
  transport: Transport,
  request: HttpRequest,
  item: T,
): Promise<{ items: Array<z.output<T>>; skipped: number }> {
  let skipped = 0;
  const items = await readCollection(transport, request, item, {
    onUnreadableRows: (r) => {
      skipped += r.unreadable;
    },
  });
  return { items, skipped };
}

function nextPage(first: HttpRequest, next: string | null, seen: Set<string>): HttpRequest | null {
  if (!next) return null;
  let url: URL;
  try {
    url = new URL(next, "http://relative.invalid");
  } catch {
    return null;
  }
  // The server's view of its own host may differ from ours (proxies, path prefixes): keep only the API path.
  const at = url.pathname.indexOf("/kafka/v3/");
  if (at < 0) return null;
  const path = url.pathname.slice(at);
  const key = path + url.search;
  if (seen.has(key)) return null;
  seen.add(key);
  const query: Record<string, string> = {};
  url.searchParams.forEach((v, k) => {
    query[k] = v;
  });
  return { method: first.method, path, query, ...(first.signal ? { signal: first.signal } : {}) };
}
