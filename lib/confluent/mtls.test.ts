/** Real TLS: certificates are made with openssl at test time. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { requestConformance } from "@/test/contract/conformance";
import { linkList } from "@/test/fixture-server/bodies";
import { makeTestPki, type TestPki } from "@/test/fixture-server/certs";
import { clusterConfig } from "@/test/fixture-server/fixtures";
import { startFixtureServer, type FixtureServer } from "@/test/fixture-server/server";
import { createConfluentClient } from "./client";

const LINKS = "/kafka/v3/clusters/cluster-1/links";
const routes = [{ method: "GET", path: LINKS, respond: { status: 200, body: linkList() } }];
const noSleep = { sleep: async () => undefined };

let pki: TestPki;
let mtlsServer: FixtureServer;
let tlsServer: FixtureServer;

beforeAll(async () => {
  pki = makeTestPki();
  mtlsServer = await startFixtureServer({ routes, tls: { cert: pki.server.cert, key: pki.server.key, ca: pki.ca.cert, requireClientCert: true } });
  tlsServer = await startFixtureServer({ routes, tls: { cert: pki.server.cert, key: pki.server.key } });
});
const wire = requestConformance();
afterEach(({ task }) => {
  for (const s of [mtlsServer, tlsServer]) wire.record(task.name, s.requests.splice(0));
});
afterAll(async () => {
  await mtlsServer.close();
  await tlsServer.close();
  pki.cleanup();
});

async function listWith(server: FixtureServer, cluster: Record<string, unknown>) {
  const client = createConfluentClient(clusterConfig(server.url, cluster), noSleep);
  try {
    return await client.links.list();
  } finally {
    await client.close();
  }
}

describe("mTLS", () => {
  it("accepts a request with the client certificate (cert/key as file paths, ca as PEM text)", async () => {
    const links = await listWith(mtlsServer, { auth: { type: "mtls", cert: pki.client.certPath, key: pki.client.keyPath, ca: pki.ca.cert } });
    expect(links).toHaveLength(3);
    expect(mtlsServer.requests.at(-1)?.clientCertCn).toBe("linkscope-client");
    expect(mtlsServer.requests.at(-1)?.headers.authorization).toBeUndefined();
  });

  it("accepts PEM text for cert and key, with the CA given as the cluster's ca", async () => {
    expect(await listWith(mtlsServer, { ca: pki.ca.certPath, auth: { type: "mtls", cert: pki.client.cert, key: pki.client.key } })).toHaveLength(3);
  });

  it("is rejected without a client certificate", async () => {
    const err = await listWith(mtlsServer, { ca: pki.ca.cert }).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: "unreachable" });
    expect((err as Error).message).toMatch(/^Could not connect to https:\/\/127\.0\.0\.1:\d+: .*check the client certificate and key\)\.$/);
  });

  it("is rejected with a certificate from another CA", async () => {
    const err = await listWith(mtlsServer, { ca: pki.ca.cert, auth: { type: "mtls", cert: pki.rogueClient.cert, key: pki.rogueClient.key } }).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: "unreachable" });
  });

  it("names a missing certificate file without failing at construction", async () => {
    const err = await listWith(mtlsServer, { auth: { type: "mtls", cert: "/nonexistent/client.crt", key: pki.client.keyPath } }).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: "unreachable", retriable: false });
    expect((err as Error).message).toMatch(/Could not read the client certificate for test from \/nonexistent\/client\.crt \(ENOENT\)/);
  });
});

describe("custom CA", () => {
  it("trusts a server certificate from the configured CA", async () => {
    expect(await listWith(tlsServer, { ca: pki.ca.cert })).toHaveLength(3);
  });

  it("refuses it without the CA, and says how to fix it", async () => {
    const err = await listWith(tlsServer, {}).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: "unreachable" });
    expect((err as Error).message).toMatch(/TLS certificate is not trusted \(.+; set ca for this cluster/);
  });
});

wire.declareTest();
