import "server-only";
import { auditLog } from "../audit/audit-log";
import { clientFor, configuredCluster } from "../confluent-clients";
import { fleetService } from "../fleet/fleet-service";
import { MirrorActionService } from "./mirror-action-service";

let service: MirrorActionService | undefined;

/** One service per process: its per-link locks and idempotency keys must be shared by every request. */
export function mirrorActionService(): MirrorActionService {
  service ??= new MirrorActionService({
    isConfigured: (name) => configuredCluster(name) !== undefined,
    actionsFor: (name) => {
      const cluster = configuredCluster(name);
      if (!cluster) throw new Error(`cluster ${name} is not configured`);
      return clientFor(cluster).mirrorActions;
    },
    audit: auditLog(),
    invalidate: () => fleetService().invalidate(),
  });
  return service;
}
