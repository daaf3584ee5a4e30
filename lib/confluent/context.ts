import "server-only";
import type { Transport } from "./transport";

/** What every resource module needs: the cluster's transport and its (possibly discovered) Kafka cluster id. */
export interface ApiContext {
  transport: Transport;
  clusterId(): Promise<string>;
}
