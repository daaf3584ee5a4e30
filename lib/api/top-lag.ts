import { z } from "zod";

/** One mirror among the fleet's highest lags (GET /api/mirrors/top-lag). */
export const TopLagMirrorSchema = z.object({
  /** `cluster/link/mirror`: unique across the fleet. */
  key: z.string(),
  mirror: z.string(),
  status: z.string(),
  linkId: z.string(),
  linkName: z.string(),
  /** The cluster hosting the mirror. */
  cluster: z.string(),
  maxLag: z.number().positive(),
  totalLag: z.number().nonnegative().nullable(),
});
export type TopLagMirror = z.infer<typeof TopLagMirrorSchema>;

export const TopLagResponseSchema = z.object({
  /** Worst first; mirrors without lag are left out. */
  mirrors: z.array(TopLagMirrorSchema),
  /** Link halves among the top-lag links whose mirror list could not be read (their mirrors may be missing). */
  unreadHalves: z.number().int().nonnegative(),
});
export type TopLagResponse = z.infer<typeof TopLagResponseSchema>;
