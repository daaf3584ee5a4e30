import "server-only";
import type { LinkAdminAttempt } from "./audit";

/*
 * What each link-admin route's audit entry says about the attempt, read from whatever the request carried (also for
 * refused ones, whose input may be malformed). Credentials are never copied in: only names, kinds and config names.
 */

const str = (v: unknown, max = 250): string | null => (typeof v === "string" ? v.slice(0, max) : null);
const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

export const LINK_ADMIN_ROUTES = {
  createLink: "POST /api/links",
  alterConfigs: "PATCH /api/clusters/{cluster}/links/{link}/configs",
  deleteLink: "DELETE /api/clusters/{cluster}/links/{link}",
  createMirrors: "POST /api/clusters/{cluster}/links/{link}/mirrors",
} as const;

export function createLinkAttempt(body: unknown): LinkAdminAttempt {
  const b = obj(body);
  const destination = str(b.destination, 64);
  const name = str(b.name);
  const source = typeof b.source === "string" ? str(b.source, 64) : str(obj(b.source).id, 64);
  return {
    action: "create-link",
    route: LINK_ADMIN_ROUTES.createLink,
    target: `${destination ?? "?"}/${name ?? "?"}`,
    cluster: destination,
    link: name,
    validateOnly: b.validateOnly === true,
    parameters: {
      kind: str(b.kind, 32),
      source,
      destination,
      configs: Object.keys(obj(b.configs)).slice(0, 50),
      ...(b.sourceConfigs ? { sourceConfigs: Object.keys(obj(b.sourceConfigs)).slice(0, 50) } : {}),
      securityProtocol: str(obj(b.credentials).securityProtocol, 32),
    },
  };
}

function onLink(
  action: LinkAdminAttempt["action"],
  route: string,
  params: Record<string, unknown>,
  validateOnly: boolean,
  parameters: Record<string, unknown>,
): LinkAdminAttempt {
  const cluster = str(params.cluster, 64);
  const link = str(params.link);
  return { action, route, target: `${cluster ?? "?"}/${link ?? "?"}`, cluster, link, validateOnly, parameters };
}

export function alterConfigsAttempt(params: Record<string, unknown>, body: unknown): LinkAdminAttempt {
  const b = obj(body);
  // Names only: a value may be a credential (sasl.jaas.config), and the diff in the results carries the safe ones.
  const parameters = {
    set: Object.keys(obj(b.set)).slice(0, 100),
    reset: Array.isArray(b.reset) ? b.reset.filter((x) => typeof x === "string").slice(0, 100) : [],
  };
  return onLink("alter-link-configs", LINK_ADMIN_ROUTES.alterConfigs, params, b.validateOnly === true, parameters);
}

export function deleteLinkAttempt(params: Record<string, unknown>, url: string): LinkAdminAttempt {
  const q = new URL(url).searchParams;
  return onLink("delete-link", LINK_ADMIN_ROUTES.deleteLink, params, q.get("validateOnly") === "true", {
    force: q.get("force") === "true",
    bothHalves: q.get("bothHalves") === "true",
  });
}

export function createMirrorsAttempt(params: Record<string, unknown>, body: unknown): LinkAdminAttempt {
  const b = obj(body);
  const topics = Array.isArray(b.topics)
    ? b.topics.slice(0, 500).map((t) => (typeof t === "object" && t ? { source: str(obj(t).source), mirror: str(obj(t).mirror) } : null))
    : [];
  return onLink("create-mirrors", LINK_ADMIN_ROUTES.createMirrors, params, b.validateOnly === true, {
    topics,
    replicationFactor: typeof b.replicationFactor === "number" ? b.replicationFactor : null,
  });
}
