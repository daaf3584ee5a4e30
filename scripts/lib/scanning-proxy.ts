import http from "node:http";
import type { SecretScanner } from "./secret-scanner";

/**
 * A pass-through HTTP proxy in front of the dashboard for the browser tests: every response body (pages, API,
 * scripts) goes through the secret scanner on its way to the browser, whatever spec made the request.
 */
export function startScanningProxy({
  port,
  targetPort,
  host = "127.0.0.1",
  scanner,
  onHit,
}: {
  port: number;
  targetPort: number;
  host?: string;
  scanner: SecretScanner;
  onHit: (where: string, secretIndex: number) => void;
}): Promise<http.Server> {
  let seq = 0;
  const server = http.createServer((req, res) => {
    const headers = { ...req.headers };
    // Plain bodies, so the scanner sees text rather than gzip.
    delete headers["accept-encoding"];
    const upstream = http.request({ host, port: targetPort, method: req.method, path: req.url, headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      const stream = `response#${++seq}`;
      const where = `${req.method} ${req.url}`;
      up.on("data", (chunk: Buffer) => {
        for (const hit of scanner.scan(stream, chunk.toString("utf8"), where)) onHit(hit.where, hit.secretIndex);
        res.write(chunk);
      });
      up.on("end", () => {
        scanner.end(stream);
        res.end();
      });
    });
    upstream.on("error", () => {
      if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" });
      res.end("dashboard not reachable");
    });
    req.pipe(upstream);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve(server));
  });
}
