import { z } from "zod";
import { TopologyClusterSchema, TopologyClusterStatusSchema } from "@/lib/domain/types";

/** GET /api/clusters returns the same cluster objects as GET /api/topology. */
export const ClusterStatusSchema = TopologyClusterStatusSchema;
export type ClusterStatus = z.infer<typeof ClusterStatusSchema>;

export const ClusterSummarySchema = TopologyClusterSchema;
export type ClusterSummary = z.infer<typeof ClusterSummarySchema>;

/** A link whose data does not move, for the header's one-glance status: clusters can all answer while a link between them is cut. */
export const LinkNotFlowingSchema = z.object({
  id: z.string(),
  name: z.string(),
  state: z.string(),
  cause: z.string().nullable(),
  staleSince: z.number().nullable(),
});
export type LinkNotFlowing = z.infer<typeof LinkNotFlowingSchema>;

export const ClustersResponseSchema = z.object({
  clusters: z.array(ClusterSummarySchema),
  linksNotFlowing: z.array(LinkNotFlowingSchema),
});
export type ClustersResponse = z.infer<typeof ClustersResponseSchema>;
