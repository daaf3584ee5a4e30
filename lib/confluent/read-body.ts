import "server-only";
import type { Dispatcher } from "undici";
import { ConfluentError } from "./errors";

const MIB = 1024 * 1024;

/** Reads a response body as text, refusing (and destroying) bodies over maxBytes. */
export async function readCapped(res: Dispatcher.ResponseData, maxBytes: number, what: string): Promise<string> {
  const tooLarge = () =>
    new ConfluentError("malformed", `${what} with more than ${formatBytes(maxBytes)}; Linkscope does not read bodies that large.`, {
      status: res.statusCode,
    });
  const declared = Number(res.headers["content-length"] ?? "0");
  if (declared > maxBytes) {
    res.body.destroy();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of res.body as AsyncIterable<Buffer>) {
    total += chunk.byteLength;
    if (total > maxBytes) {
      res.body.destroy();
      throw tooLarge();
    }
    chunks.push(chunk);
  }
  const [only] = chunks;
  return chunks.length === 1 && only ? only.toString("utf8") : Buffer.concat(chunks, total).toString("utf8");
}

function formatBytes(bytes: number): string {
  if (bytes >= MIB) return `${Math.round(bytes / MIB)} MB`;
  return bytes >= 1024 ? `${Math.round(bytes / 1024)} KB` : `${bytes} bytes`;
}
