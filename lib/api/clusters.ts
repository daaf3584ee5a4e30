import { z } from "zod";

/** One configured (or external) cluster as the API returns it: the `clusters[]` objects of GET /api/clusters and /api/topology. */
export const ClusterStatusSchema = z.enum(["ok", "unreachable", "unauthorized", "error", "external"]);
export type ClusterStatus = z.infer<typeof ClusterStatusSchema>;

export const ClusterSummarySchema = z.object({
  name: z.string(),
  id: z.string().nullable(),
  displayName: z.string(),
  network: z.enum(["private", "public"]).nullable(),
  region: z.string().nullable(),
  status: ClusterStatusSchema,
  error: z.string().nullable(),
});
export type ClusterSummary = z.infer<typeof ClusterSummarySchema>;

export const ClustersResponseSchema = z.object({ clusters: z.array(ClusterSummarySchema) });
export type ClustersResponse = z.infer<typeof ClustersResponseSchema>;
