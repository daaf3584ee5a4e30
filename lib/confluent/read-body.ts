import "server-only";
import type { fetch } from "undici";
import { ConfluentError } from "./errors";

const MIB = 1024 * 1024;

/** Reads a response body as text, refusing (and cancelling) bodies over maxBytes. */
export async function readCapped(res: Awaited<ReturnType<typeof fetch>>, maxBytes: number, what: string): Promise<string> {
  const tooLarge = () =>
    new ConfluentError("malformed", `${what} with more than ${formatBytes(maxBytes)}; Linkscope does not read bodies that large.`, {
      status: res.status,
    });
  const declared = Number(res.headers.get("content-length") ?? "0");
  if (declared > maxBytes) {
    await res.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (!res.body) return "";
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function formatBytes(bytes: number): string {
  if (bytes >= MIB) return `${Math.round(bytes / MIB)} MB`;
  return bytes >= 1024 ? `${Math.round(bytes / 1024)} KB` : `${bytes} bytes`;
}
