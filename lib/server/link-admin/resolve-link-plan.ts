import "server-only";
import type { ConfluentClient } from "@/lib/confluent/client";
import type { CreateLinkRequest } from "@/lib/api/link-admin";
import type { LinkEnd, LinkPlan } from "@/lib/domain/links/link-requests";
import { ApiError } from "../http/api-error";
import { upstream, type LinkAdminDeps } from "./upstream";

export interface ResolvedPlan {
  plan: LinkPlan;
  /** Clients of the configured ends, by cluster name (an external source has none). */
  clients: Map<string, ConfluentClient>;
}

const invalid = (field: string, message: string) =>
  new ApiError("invalid-request", `Invalid body: ${field}: ${message}.`, { issues: [{ path: field, message }] });

async function configuredEnd(
  deps: LinkAdminDeps,
  field: "source" | "destination",
  name: string,
  clients: Map<string, ConfluentClient>,
): Promise<LinkEnd> {
  const cluster = deps.cluster(name);
  if (!cluster) throw invalid(field, `no cluster named "${name}" is configured`);
  const client = deps.clientFor(cluster);
  clients.set(name, client);
  const id = await upstream(name, () => client.clusterId());
  return { name, id, bootstrap: cluster.bootstrap ?? null };
}

/** Which ends must have bootstrap servers: the ones that get dialled. */
function requiredBootstraps(kind: LinkPlan["kind"]): Array<"source" | "destination"> {
  if (kind === "destination-initiated") return ["source"];
  if (kind === "source-initiated") return ["destination"];
  return ["source", "destination"];
}

/** Turns a validated request into a plan: configured names become ids (configured or discovered) and bootstraps. */
export async function resolveLinkPlan(req: CreateLinkRequest, deps: LinkAdminDeps): Promise<ResolvedPlan> {
  const clients = new Map<string, ConfluentClient>();
  const destination = await configuredEnd(deps, "destination", req.destination, clients);
  const source: LinkEnd =
    typeof req.source === "string"
      ? await configuredEnd(deps, "source", req.source, clients)
      : { name: null, id: req.source.id, bootstrap: req.source.bootstrap };
  if (source.id === destination.id) throw invalid("destination", `has the same Kafka cluster id as the source (${source.id})`);
  for (const field of requiredBootstraps(req.kind)) {
    const end = field === "source" ? source : destination;
    if (!end.bootstrap) {
      throw invalid(
        field,
        `cluster "${end.name}" has no bootstrap in Linkscope's config (clusters[].bootstrap): add the Kafka bootstrap servers that the link dials`,
      );
    }
  }
  return {
    clients,
    plan: {
      name: req.name,
      kind: req.kind,
      source,
      destination,
      credentials: req.credentials,
      localCredentials: req.localCredentials,
      destinationCredentials: req.destinationCredentials,
      configs: req.configs,
      sourceConfigs: req.sourceConfigs,
    },
  };
}
