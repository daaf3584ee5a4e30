import "server-only";
import { auditLog } from "../audit/audit-log";
import { clientFor, configuredCluster } from "../confluent-clients";
import { fleetService } from "../fleet/fleet-service";
import { leaseMs, replicaName, sharedStore } from "../store/shared-store";
import { MirrorActionService } from "./mirror-action-service";

let service: MirrorActionService | undefined;

/** One service per process; its link leases and idempotency keys live in the shared store, so every replica sees them. */
export function mirrorActionService(): MirrorActionService {
  service ??= new MirrorActionService({
    isConfigured: (name) => configuredCluster(name) !== undefined,
    actionsFor: (name) => {
      const cluster = configuredCluster(name);
      if (!cluster) throw new Error(`cluster ${name} is not configured`);
      return clientFor(cluster).mirrorActions;
    },
    audit: auditLog(),
    store: sharedStore(),
    replica: replicaName(),
    leaseMs: leaseMs(),
    invalidate: () => fleetService().invalidate(),
  });
  return service;
}
