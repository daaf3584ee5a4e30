import { z } from "zod";
import { handleRoute } from "@/lib/server/http/handle-route";
import { ClusterParamSchema, LinkParamSchema, TopicParamSchema, parseInput, searchParamsObject } from "@/lib/server/http/route-input";
import { sharedJsonNoStore } from "@/lib/server/http/shared-json";
import { linkReadiness } from "@/lib/server/readiness/readiness-service";

export const dynamic = "force-dynamic";

const QuerySchema = z
  .object({
    cluster: ClusterParamSchema,
    link: LinkParamSchema,
    topics: z
      .string()
      .transform((v) => v.split(",").map((t) => t.trim()).filter((t) => t !== ""))
      .pipe(z.array(TopicParamSchema).min(1, "must name at least one topic").max(1000, "must name at most 1000 topics"))
      .optional(),
  })
  .strict();

/** Promote/failover readiness of one link's mirrors on its destination (lib/server/readiness/readiness-service.ts). */
export const GET = handleRoute(async (req: Request) => {
  const { cluster, link, topics } = parseInput(QuerySchema, searchParamsObject(req.url), "query");
  const answer = await linkReadiness(cluster, link, topics ?? null);
  return sharedJsonNoStore(answer, () => answer);
});
