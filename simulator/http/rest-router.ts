/**
 * Route matching by exact path templates. Colon actions (`mirrors:promote`, `configs:alter`) are
 * literal segment text, compared byte for byte, never parsed as parameters.
 */

export const ROUTES = [
  { id: "listClusters", template: "/kafka/v3/clusters", methods: ["GET"] },
  { id: "getCluster", template: "/kafka/v3/clusters/{cluster_id}", methods: ["GET"] },
  { id: "topics", template: "/kafka/v3/clusters/{cluster_id}/topics", methods: ["GET", "POST"] },
  { id: "topic", template: "/kafka/v3/clusters/{cluster_id}/topics/{topic_name}", methods: ["GET", "DELETE"] },
  { id: "consumerGroups", template: "/kafka/v3/clusters/{cluster_id}/consumer-groups", methods: ["GET"] },
  { id: "consumerGroup", template: "/kafka/v3/clusters/{cluster_id}/consumer-groups/{consumer_group_id}", methods: ["GET"] },
  { id: "consumers", template: "/kafka/v3/clusters/{cluster_id}/consumer-groups/{consumer_group_id}/consumers", methods: ["GET"] },
  { id: "consumerLags", template: "/kafka/v3/clusters/{cluster_id}/consumer-groups/{consumer_group_id}/lags", methods: ["GET"] },
  { id: "consumerLagSummary", template: "/kafka/v3/clusters/{cluster_id}/consumer-groups/{consumer_group_id}/lag-summary", methods: ["GET"] },
  { id: "links", template: "/kafka/v3/clusters/{cluster_id}/links", methods: ["GET", "POST"] },
  { id: "allMirrors", template: "/kafka/v3/clusters/{cluster_id}/links/-/mirrors", methods: ["GET"] },
  { id: "link", template: "/kafka/v3/clusters/{cluster_id}/links/{link_name}", methods: ["GET", "DELETE"] },
  { id: "linkConfigs", template: "/kafka/v3/clusters/{cluster_id}/links/{link_name}/configs", methods: ["GET"] },
  { id: "linkConfigsAlter", template: "/kafka/v3/clusters/{cluster_id}/links/{link_name}/configs:alter", methods: ["PUT"] },
  { id: "linkConfig", template: "/kafka/v3/clusters/{cluster_id}/links/{link_name}/configs/{config_name}", methods: ["GET", "PUT", "DELETE"] },
  { id: "mirrors", template: "/kafka/v3/clusters/{cluster_id}/links/{link_name}/mirrors", methods: ["GET", "POST"] },
  { id: "mirror", template: "/kafka/v3/clusters/{cluster_id}/links/{link_name}/mirrors/{mirror_topic_name}", methods: ["GET"] },
  { id: "promote", template: "/kafka/v3/clusters/{cluster_id}/links/{link_name}/mirrors:promote", methods: ["POST"] },
  { id: "failover", template: "/kafka/v3/clusters/{cluster_id}/links/{link_name}/mirrors:failover", methods: ["POST"] },
  { id: "pause", template: "/kafka/v3/clusters/{cluster_id}/links/{link_name}/mirrors:pause", methods: ["POST"] },
  { id: "resume", template: "/kafka/v3/clusters/{cluster_id}/links/{link_name}/mirrors:resume", methods: ["POST"] },
  { id: "reverseAndStart", template: "/kafka/v3/clusters/{cluster_id}/links/{link_name}/mirrors:reverse-and-start-mirror", methods: ["POST"] },
  { id: "reverseAndPause", template: "/kafka/v3/clusters/{cluster_id}/links/{link_name}/mirrors:reverse-and-pause-mirror", methods: ["POST"] },
  { id: "truncateAndRestore", template: "/kafka/v3/clusters/{cluster_id}/links/{link_name}/mirrors:truncate-and-restore", methods: ["POST"] },
] as const;

export type RouteId = (typeof ROUTES)[number]["id"];

export type RouteMatch =
  | { kind: "match"; id: RouteId; template: string; params: Record<string, string> }
  | { kind: "method-not-allowed"; template: string; allowed: readonly string[] }
  | { kind: "not-found" };

const compiled = ROUTES.map((r) => ({ ...r, segments: r.template.split("/") }));

function decode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** `rawPath` is the request path before percent-decoding, without the query string. */
export function matchRoute(method: string, rawPath: string): RouteMatch {
  const segments = rawPath.split("/");
  let wrongMethod: { template: string; allowed: readonly string[] } | null = null;
  for (const route of compiled) {
    if (route.segments.length !== segments.length) continue;
    const params: Record<string, string> = {};
    let ok = true;
    for (let i = 0; i < segments.length && ok; i++) {
      const want = route.segments[i] ?? "";
      const got = segments[i] ?? "";
      if (want.startsWith("{") && want.endsWith("}")) {
        const value = decode(got);
        if (value === null || value === "") ok = false;
        else params[want.slice(1, -1)] = value;
      } else if (want !== got) {
        ok = false;
      }
    }
    if (!ok) continue;
    if ((route.methods as readonly string[]).includes(method)) return { kind: "match", id: route.id, template: route.template, params };
    wrongMethod ??= { template: route.template, allowed: route.methods };
  }
  return wrongMethod ? { kind: "method-not-allowed", ...wrongMethod } : { kind: "not-found" };
}
