import { z } from "zod";
import { verifyPassword } from "@/lib/server/auth/password";
import { SharedRateLimiter } from "@/lib/server/auth/shared-rate-limit";
import { createSessionToken, SESSION_COOKIE } from "@/lib/server/auth/session-token";
import { getConfig } from "@/lib/server/config";
import { sharedStore } from "@/lib/server/store/shared-store";
import { ApiError } from "@/lib/server/http/api-error";
import { handleRoute, jsonNoStore } from "@/lib/server/http/handle-route";
import { readJsonBody } from "@/lib/server/http/mutation-guard";
import { parseInput } from "@/lib/server/http/route-input";
import { sessionCookie, assertSameOriginJson } from "@/lib/server/auth/cookies";

export const dynamic = "force-dynamic";

const BodySchema = z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(1024) }).strict();
// Per client address and per username: 10 tries in 5 minutes, across replicas (this process alone while the store is down).
const limiter = new SharedRateLimiter({ store: sharedStore, limit: 10, windowMs: 5 * 60_000, fallback: "local" });
// Checked when the username is unknown, so a miss costs as long as a wrong password.
const DUMMY_HASH = "scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

export const POST = handleRoute(async (req: Request) => {
  assertSameOriginJson(req);
  const { auth } = getConfig();
  if (auth.mode !== "users") throw new ApiError("not-found", "Sign-in with a password is not enabled (auth.mode is not users).");
  const { username, password } = parseInput(BodySchema, await readJsonBody(req), "body");
  const client = req.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? "local";
  const wait = Math.max(await limiter.hit(`login-ip:${client}`), await limiter.hit(`login-user:${username}`));
  if (wait > 0) throw new ApiError("rate-limited", `Too many sign-in attempts; try again in ${wait} s.`);
  const user = auth.users.find((u) => u.username === username);
  const ok = verifyPassword(password, user?.passwordHash ?? DUMMY_HASH) && user !== undefined;
  if (!ok || !user) throw new ApiError("unauthenticated", "Wrong username or password.");
  const maxAgeSeconds = Math.round(auth.sessionTtlHours * 3600);
  const token = createSessionToken({ user: user.username, role: user.role, exp: Date.now() + maxAgeSeconds * 1000 }, auth.sessionSecret);
  const res = jsonNoStore({ user: user.username, role: user.role });
  res.headers.append("Set-Cookie", sessionCookie(req, SESSION_COOKIE, token, maxAgeSeconds));
  return res;
});
