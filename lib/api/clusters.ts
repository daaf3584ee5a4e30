import { z } from "zod";
import { TopologyClusterSchema, TopologyClusterStatusSchema } from "@/lib/domain/types";

/** GET /api/clusters returns the same cluster objects as GET /api/topology. */
export const ClusterStatusSchema = TopologyClusterStatusSchema;
export type ClusterStatus = z.infer<typeof ClusterStatusSchema>;

export const ClusterSummarySchema = TopologyClusterSchema;
export type ClusterSummary = z.infer<typeof ClusterSummarySchema>;

export const ClustersResponseSchema = z.object({ clusters: z.array(ClusterSummarySchema) });
export type ClustersResponse = z.infer<typeof ClustersResponseSchema>;
