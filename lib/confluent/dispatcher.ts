import "server-only";
import { rootCertificates } from "node:tls";
import { Agent } from "undici";
import type { ClusterConfig } from "@/lib/config/schema";
import { readPem } from "./pem";

/**
 * One connection pool per cluster, carrying its TLS material: a custom CA (trusted in addition to the public roots)
 * and, for mTLS, the client certificate and key.
 */
export function createDispatcher(cluster: ClusterConfig, connections: number): Agent {
  const cas: string[] = [];
  if (cluster.ca) cas.push(readPem(cluster.ca, `CA certificate for ${cluster.name}`));
  const tls: { ca?: string[]; cert?: string; key?: string } = {};
  if (cluster.auth.type === "mtls") {
    tls.cert = readPem(cluster.auth.cert, `client certificate for ${cluster.name}`);
    tls.key = readPem(cluster.auth.key, `client key for ${cluster.name}`);
    if (cluster.auth.ca) cas.push(readPem(cluster.auth.ca, `CA certificate for ${cluster.name}`));
  }
  if (cas.length > 0) tls.ca = [...rootCertificates, ...cas];
  return new Agent({ connections, keepAliveTimeout: 10_000, connect: tls });
}
