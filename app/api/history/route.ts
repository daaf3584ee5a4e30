import { handleRoute, jsonNoStore } from "@/lib/server/http/handle-route";
import { parseInput, searchParamsObject } from "@/lib/server/http/route-input";
import { queryHistory } from "@/lib/server/history/history-service";
import { HistoryQueryInputSchema } from "@/lib/server/history/query-input";

export const dynamic = "force-dynamic";

/** Lag history of a link or one mirror (shared/spec/http-api.md; the query is described in lib/api/history.ts). */
export const GET = handleRoute(async (req: Request) => {
  const input = parseInput(HistoryQueryInputSchema, searchParamsObject(req.url), "query");
  return jsonNoStore(await queryHistory(input));
});
