import "server-only";
import { z } from "zod";

export const ClusterDataSchema = z.object({ cluster_id: z.string().min(1) });
export type ClusterData = z.infer<typeof ClusterDataSchema>;
