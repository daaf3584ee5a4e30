// Optional per-cluster TLS: one cluster served over HTTPS that requires a client certificate (mTLS).
import { request } from "node:https";
import { describe, expect, it } from "vitest";
import { startSimulator } from "./index";
import { hasOpenssl, makePki } from "./test-support/certs";
import { linkedPair } from "./test-support/scenarios";

function get(url: string, opts: { ca: string; cert?: string; key?: string; auth: string }): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { ca: opts.ca, cert: opts.cert, key: opts.key, headers: { authorization: opts.auth } }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
    req.end();
  });
}

describe.runIf(hasOpenssl())("mTLS", () => {
  it("serves one cluster over HTTPS and refuses clients without a certificate", async () => {
    const pki = makePki();
    const sim = await startSimulator({
      scenario: linkedPair(),
      basePort: 0,
      adminPort: 0,
      clock: "manual",
      tls: { dst: { cert: pki.serverCert, key: pki.serverKey, ca: pki.ca, requireClientCert: true } },
    });
    try {
      const dst = sim.clusters.find((c) => c.name === "dst");
      const src = sim.clusters.find((c) => c.name === "src");
      expect(dst?.restUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      expect(src?.restUrl).toMatch(/^http:\/\//);
      const auth = `Basic ${Buffer.from(`${dst?.username}:${dst?.password}`).toString("base64")}`;
      const url = `${dst?.restUrl}/kafka/v3/clusters/${dst?.id}/links`;
      expect(await get(url, { ca: pki.ca, cert: pki.clientCert, key: pki.clientKey, auth })).toBe(200);
      await expect(get(url, { ca: pki.ca, auth })).rejects.toThrow();
      // The written config trusts the cluster's CA; the client certificate is the caller's to add.
      expect(sim.configYaml()).toContain("BEGIN CERTIFICATE");
    } finally {
      await sim.stop();
    }
  });
});
