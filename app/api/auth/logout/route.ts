import { sessionCookie } from "@/lib/server/auth/cookies";
import { SESSION_COOKIE } from "@/lib/server/auth/session-token";
import { handleRoute, jsonNoStore } from "@/lib/server/http/handle-route";

export const dynamic = "force-dynamic";

export const POST = handleRoute(async (req: Request) => {
  const res = jsonNoStore({ signedOut: true });
  res.headers.append("Set-Cookie", sessionCookie(req, SESSION_COOKIE, "", 0));
  return res;
});
