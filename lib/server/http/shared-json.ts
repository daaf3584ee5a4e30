import "server-only";

/**
 * A JSON answer that many viewers get within one cache period (the topology, a link's mirrors): serialized once
 * instead of per request. The value itself is the cache key (by identity), so a new snapshot or mirror list is a
 * new entry and the old one goes with its value. (Compression stays with the server: Next.js drops a route's own
 * Content-Encoding and compresses the body itself.)
 *
 * Measured by the benchmark (item 4): with 50 viewers, serializing the same 1 MB mirror list for every request
 * was a large share of the server's CPU.
 */
const encoded = new WeakMap<object, Uint8Array<ArrayBuffer>>();

/** `key` must be the object `body` is built from, and must not change while it is in use. */
export function sharedJsonNoStore(key: object, body: () => unknown): Response {
  let bytes = encoded.get(key);
  if (!bytes) {
    const b = Buffer.from(JSON.stringify(body()), "utf8");
    bytes = new Uint8Array(b.buffer as ArrayBuffer, b.byteOffset, b.byteLength);
    encoded.set(key, bytes);
  }
  return new Response(bytes, { headers: { "Content-Type": "application/json", "Cache-Control": "no-store" } });
}
