import "server-only";
import type { ConfluentClient } from "@/lib/confluent/client";
import { ConfluentError, redact } from "@/lib/confluent/errors";
import type { ClusterConfig } from "@/lib/config/schema";
import { clientFor as defaultClientFor, configuredCluster } from "../confluent-clients";
import { fleetService } from "../fleet/fleet-service";
import type { FleetSnapshot } from "../fleet/fleet-service";
import { ApiError } from "../http/api-error";
import { apiErrorFromConfluent } from "../http/confluent-error-to-api";

/** What the link-admin services need from the rest of the server; tests pass their own. */
export interface LinkAdminDeps {
  cluster(name: string): ClusterConfig | undefined;
  clientFor(cluster: ClusterConfig): ConfluentClient;
  snapshot(): Promise<FleetSnapshot>;
  /** After a mutation: the next topology read goes upstream. */
  invalidate(): void;
}

export function defaultDeps(): LinkAdminDeps {
  return {
    cluster: configuredCluster,
    clientFor: defaultClientFor,
    snapshot: () => fleetService().snapshot(),
    invalidate: () => fleetService().invalidate(),
  };
}

export function requireCluster(deps: LinkAdminDeps, name: string): { cluster: ClusterConfig; client: ConfluentClient } {
  const cluster = deps.cluster(name);
  if (!cluster) throw new ApiError("not-found", `No cluster named "${name}" is configured.`);
  return { cluster, client: deps.clientFor(cluster) };
}

/** Runs one upstream call; a ConfluentError becomes the documented API error for that cluster. */
export async function upstream<T>(clusterName: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof ConfluentError) throw apiErrorFromConfluent(err, clusterName);
    throw err;
  }
}

/** One sentence for a failed step, never carrying a secret (the client already scrubs; this is the second net). */
export function failureText(err: unknown, secrets: readonly string[]): string {
  if (err instanceof ConfluentError || err instanceof ApiError) return redact(err.message, secrets);
  return "Linkscope hit an unexpected error; the server log has the details.";
}
