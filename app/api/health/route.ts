import { jsonNoStore } from "@/lib/server/http/handle-route";

export const dynamic = "force-dynamic";

export function GET() {
  return jsonNoStore({ status: "ok" as const });
}
