import { z } from "zod";
import { handleRoute } from "@/lib/server/http/handle-route";
import { parseInput, searchParamsObject } from "@/lib/server/http/route-input";
import { sharedJsonNoStore } from "@/lib/server/http/shared-json";
import { fleetTopLagMirrors } from "@/lib/server/top-lag-service";

export const dynamic = "force-dynamic";

const QuerySchema = z
  .object({
    limit: z
      .string()
      .regex(/^\d{1,2}$/, "must be a whole number from 1 to 50")
      .transform(Number)
      .pipe(z.number().int().min(1, "must be at least 1").max(50, "must be at most 50"))
      .optional(),
  })
  .strict();

/** The fleet's mirrors with the highest lag, from the current snapshot (lib/server/top-lag-service.ts). */
export const GET = handleRoute(async (req: Request) => {
  const { limit = 10 } = parseInput(QuerySchema, searchParamsObject(req.url), "query");
  const answer = await fleetTopLagMirrors(limit);
  return sharedJsonNoStore(answer, () => answer);
});
