/**
 * Who can open a connection to whom, and what a link half's connection looks like right now.
 * Destination-initiated: the destination dials the source. Source-initiated: the source half dials
 * the destination's INBOUND half. A private cluster accepts connections only from its own zone.
 */
import { parseBootstrap } from "./bootstrap";
import { parseJaas } from "./jaas";
import type { ConnectionProblem } from "./link-availability";
import type { LinkConfigs } from "./link-configs";
import type { ClusterState, Credentials, LinkHalf } from "./types";

export interface FleetView {
  clusterById(id: string): ClusterState | undefined;
  clusterByHost(host: string): ClusterState | undefined;
  isCut(a: ClusterState, b: ClusterState): boolean;
}

export type Reach = "ok" | "refused" | "timeout";

export function reach(fleet: FleetView, from: ClusterState, to: ClusterState): Reach {
  if (!to.up) return "refused";
  if (!from.up) return "timeout";
  if (fleet.isCut(from, to)) return "timeout";
  if (to.network === "private" && to.privateZone !== from.privateZone) return "timeout";
  return "ok";
}

const unreachable = (error: ConnectionProblem["error"], message: string): ConnectionProblem => ({ kind: "unreachable", error, message });
const authFailed = (message: string): ConnectionProblem => ({ kind: "auth", error: "AUTHENTICATION_ERROR", message });
const misconfigured = (message: string): ConnectionProblem => ({ kind: "misconfigured", error: "UNKNOWN", message });

export function sameCredentials(a: Credentials | null, b: Credentials): boolean {
  return !!a && a.username === b.username && a.password === b.password;
}

export type DialResult = { ok: true; target: ClusterState } | { ok: false; problem: ConnectionProblem };

/** One connection attempt from `from`, using the remote-side settings of `configs`. */
export function dial(fleet: FleetView, from: ClusterState, configs: LinkConfigs, expectedRemoteId: string): DialResult {
  const servers = parseBootstrap(configs.get("bootstrap.servers"));
  if (servers.length === 0) {
    return { ok: false, problem: unreachable("UNRESOLVABLE_BOOTSTRAP_ERROR", "No resolvable bootstrap urls given in bootstrap.servers") };
  }
  let target: ClusterState | undefined;
  let portMismatch: string | null = null;
  for (const hp of servers) {
    const c = fleet.clusterByHost(hp.host);
    if (!c) continue;
    const expectedPort = parseBootstrap(c.bootstrap)[0]?.port;
    if (expectedPort !== undefined && expectedPort !== hp.port) {
      portMismatch = `${hp.host}:${hp.port}`;
      continue;
    }
    target = c;
    break;
  }
  if (!target) {
    if (portMismatch) {
      return {
        ok: false,
        problem: unreachable(
          "BOOTSTRAP_TCP_CONNECTION_FAILED_ERROR",
          `Connection to node -1 (${portMismatch}) could not be established. Broker may not be available.`,
        ),
      };
    }
    return {
      ok: false,
      problem: unreachable(
        "UNRESOLVABLE_BOOTSTRAP_ERROR",
        `Couldn't resolve server ${configs.get("bootstrap.servers")} from bootstrap.servers as DNS resolution failed`,
      ),
    };
  }
  const r = reach(fleet, from, target);
  if (r === "refused") {
    return {
      ok: false,
      problem: unreachable(
        "BOOTSTRAP_TCP_CONNECTION_FAILED_ERROR",
        `Connection to node -1 (${target.bootstrap}) could not be established. Broker may not be available.`,
      ),
    };
  }
  if (r === "timeout") {
    return {
      ok: false,
      problem: unreachable("TIMEOUT_ERROR", `Timed out waiting for a connection to ${target.bootstrap} (cluster ${target.id}).`),
    };
  }
  const creds = parseJaas(configs.get("sasl.jaas.config"));
  if (!sameCredentials(creds, target.kafka)) {
    return {
      ok: false,
      problem: authFailed(
        creds
          ? `Authentication failed during authentication due to invalid credentials with SASL mechanism ${configs.get("sasl.mechanism") ?? "PLAIN"} (cluster ${target.id}).`
          : `Cluster ${target.id} requires SASL authentication: sasl.jaas.config is not set.`,
      ),
    };
  }
  if (target.id !== expectedRemoteId) {
    return {
      ok: false,
      problem: misconfigured(
        `Cluster ID mismatch: the link expects cluster ${expectedRemoteId} but ${target.bootstrap} belongs to cluster ${target.id}.`,
      ),
    };
  }
  return { ok: true, target };
}

/** The local credentials a SOURCE half (or an OUTBOUND bidirectional half towards an INBOUND remote) uses to read its own cluster. */
function localAuthProblem(half: { cluster: ClusterState; configs: LinkConfigs }): ConnectionProblem | null {
  const creds = parseJaas(half.configs.get("local.sasl.jaas.config"));
  if (sameCredentials(creds, half.cluster.kafka)) return null;
  return authFailed(
    creds
      ? `Authentication to the local cluster ${half.cluster.id} failed: local.sasl.jaas.config credentials were rejected.`
      : `local.sasl.jaas.config is not set: the link cannot read topics of the local cluster ${half.cluster.id}.`,
  );
}

function usesLocalCredentials(half: LinkHalf): boolean {
  return half.mode === "SOURCE" || (half.mode === "BIDIRECTIONAL" && half.configs.get("remote.link.connection.mode") === "INBOUND");
}

/** The half on `remote` that dials into `half` (an INBOUND half needs one). */
export function inboundPartner(half: LinkHalf, remote: ClusterState): LinkHalf | undefined {
  const p = remote.links.get(half.name);
  if (!p || p.deleted || p.connectionMode !== "OUTBOUND") return undefined;
  if (p.remoteClusterId !== half.cluster.id) return undefined;
  if (half.mode === "DESTINATION" && (p.mode !== "SOURCE" || p.clusterLinkId !== half.clusterLinkId)) return undefined;
  if (half.mode === "BIDIRECTIONAL" && p.mode !== "BIDIRECTIONAL") return undefined;
  return p;
}

/** Null when the half's connection works end to end right now. */
export function connectionProblem(fleet: FleetView, half: LinkHalf): ConnectionProblem | null {
  const cluster = half.cluster;
  if (!cluster.up) return unreachable("TIMEOUT_ERROR", `The cluster ${cluster.id} hosting this link is down.`);
  if (half.connectionMode === "OUTBOUND") {
    const r = dial(fleet, cluster, half.configs, half.remoteClusterId);
    if (!r.ok) return r.problem;
    if (half.mode === "SOURCE") {
      const partner = r.target.links.get(half.name);
      if (!partner || partner.deleted) {
        return misconfigured(`The destination cluster ${r.target.id} does not have a link named ${half.name}.`);
      }
      if (partner.mode !== "DESTINATION" || partner.connectionMode !== "INBOUND") {
        return misconfigured(`Link ${half.name} on the destination cluster ${r.target.id} is not an INBOUND destination link.`);
      }
      if (partner.clusterLinkId !== half.clusterLinkId) {
        return misconfigured(
          `Link ${half.name} on the destination cluster ${r.target.id} has cluster link id ${partner.clusterLinkId}, not ${half.clusterLinkId}: it was re-created; re-create this half too.`,
        );
      }
    }
    return usesLocalCredentials(half) ? localAuthProblem(half) : null;
  }
  const remote = fleet.clusterById(half.remoteClusterId);
  if (!remote) return unreachable("TIMEOUT_ERROR", `No connection from cluster ${half.remoteClusterId}: it never dialled in.`);
  const partner = inboundPartner(half, remote);
  if (!partner) {
    return unreachable(
      "TIMEOUT_ERROR",
      `No connection from cluster ${remote.id}: it has no ${half.mode === "DESTINATION" ? "SOURCE" : "OUTBOUND"} link named ${half.name} to dial in.`,
    );
  }
  if (!remote.up) return unreachable("TIMEOUT_ERROR", `No connection from cluster ${remote.id}: it is not reachable.`);
  const r = dial(fleet, remote, partner.configs, cluster.id);
  if (!r.ok) return r.problem;
  return usesLocalCredentials(partner) ? localAuthProblem(partner) : null;
}
