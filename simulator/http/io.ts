/** Small node:http helpers shared by the REST and admin servers. */
import type { IncomingMessage, ServerResponse } from "node:http";

const MAX_BODY = 5 * 1024 * 1024;

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error("request body too large"));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

export function sendText(res: ServerResponse, status: number, contentType: string | null, text: string): void {
  const headers: Record<string, string | number> = {};
  if (contentType) headers["content-type"] = contentType;
  if (status !== 204) headers["content-length"] = Buffer.byteLength(text);
  res.writeHead(status, headers);
  res.end(status === 204 ? undefined : text);
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (status === 204) sendText(res, 204, null, "");
  else sendText(res, status, "application/json", JSON.stringify(body));
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
