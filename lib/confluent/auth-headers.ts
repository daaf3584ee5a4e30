import "server-only";
import type { ClusterConfig } from "@/lib/config/schema";

export function authorizationHeader(cluster: ClusterConfig): string | null {
  const auth = cluster.auth;
  if (auth.type === "basic") return `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString("base64")}`;
  if (auth.type === "bearer") return `Bearer ${auth.token}`;
  return null;
}

/** Everything credential-like in the cluster config: scrubbed from any message. */
export function secretsOf(cluster: ClusterConfig): string[] {
  const auth = cluster.auth;
  const url = new URL(cluster.restUrl);
  const out = [url.password, url.username].filter((s) => s.length > 0);
  if (auth.type === "basic") out.push(auth.password, Buffer.from(`${auth.username}:${auth.password}`).toString("base64"));
  if (auth.type === "bearer") out.push(auth.token);
  return out;
}
