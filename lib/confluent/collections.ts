import "server-only";
import { z } from "zod";
import { ConfluentError } from "./errors";
import { collectionSchema } from "./schemas/common";
import type { HttpRequest, Transport } from "./transport";

const MAX_PAGES = 100;

/**
 * Reads a collection. No link or mirror endpoint paginates today (`metadata.next` is always null), but a non-null
 * `next` is followed defensively, through this cluster's own base URL.
 */
export async function readCollection<T extends z.ZodType>(
  transport: Transport,
  request: HttpRequest,
  item: T,
): Promise<Array<z.output<T>>> {
  const schema = collectionSchema(item);
  const out: Array<z.output<T>> = [];
  const seen = new Set<string>([request.path]);
  let next: HttpRequest | null = request;
  for (let page = 0; next; page++) {
    if (page >= MAX_PAGES) {
      throw new ConfluentError("malformed", `${transport.origin} kept paginating ${request.path} past ${MAX_PAGES} pages.`);
    }
    const body: z.output<typeof schema> = await transport.json(next, schema);
    out.push(...body.data);
    next = nextPage(request, body.metadata?.next ?? null, seen);
  }
  return out;
}

const AnyRowsSchema = z.unknown();

/**
 * Reads a collection row by row: a row that does not match `item` is left out and counted instead of failing the whole
 * answer (for upstream lists where one odd row must not hide the others). The envelope itself must still parse.
 */
export async function readLenientCollection<T extends z.ZodType>(
  transport: Transport,
  request: HttpRequest,
  item: T,
): Promise<{ items: Array<z.output<T>>; skipped: number }> {
  const rows = await readCollection(transport, request, AnyRowsSchema);
  const items: Array<z.output<T>> = [];
  let skipped = 0;
  for (const row of rows) {
    const parsed = item.safeParse(row);
    if (parsed.success) items.push(parsed.data);
    else skipped++;
  }
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
  url.searchParams.forEach((v, k) => (query[k] = v));
  return { method: first.method, path, query, ...(first.signal ? { signal: first.signal } : {}) };
}
