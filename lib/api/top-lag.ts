import { z } from "zod";
import { FleetCoverageSchema } from "@/lib/domain/topology/coverage";

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
  /** Epoch ms since when its link does not flow: the lag is then at least this much ("≥ N, as of T"); null while flowing. */
  staleSince: z.number().nullable(),
});
export type TopLagMirror = z.infer<typeof TopLagMirrorSchema>;

export const TopLagResponseSchema = z.object({
  /** Worst first; mirrors without lag are left out. */
  mirrors: z.array(TopLagMirrorSchema),
  /** Link halves among the top-lag links whose mirror list could not be read (their mirrors may be missing). */
  unreadHalves: z.number().int().nonnegative(),
  /** The topology's `asOf`: when the oldest figures behind this list were true (epoch ms), null when no cluster answered. */
  asOf: z.number().int().nonnegative().nullable(),
  /** The fleet's mirror-hosting halves unread or stale: when any is, the list is partial and says so (never "no lag"). */
  coverage: FleetCoverageSchema,
});
export type TopLagResponse = z.infer<typeof TopLagResponseSchema>;
