import { timingSafeEqual } from "node:crypto";
import type { DashboardAuth, Role } from "@/lib/config/schema";
import { highestRole } from "./roles";
import { readCookie, SESSION_COOKIE, verifySessionToken } from "./session-token";

export interface Actor {
  /** Who acts, for the audit log: "anonymous" while auth.mode is none. */
  user: string;
  role: Role;
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Who is asking, from the session cookie or the trusted proxy's headers; null when nobody is signed in. */
export function identify(headers: Headers, auth: DashboardAuth, nowMs: number): Actor | null {
  switch (auth.mode) {
    case "none":
      return { user: "anonymous", role: "admin" };
    case "users": {
      const token = readCookie(headers.get("cookie"), SESSION_COOKIE);
      const session = token ? verifySessionToken(token, auth.sessionSecret, nowMs) : null;
      // A user removed from the config, or whose role changed, loses the old session's rights at once.
      const user = session ? auth.users.find((u) => u.username === session.user) : undefined;
      return user ? { user: user.username, role: user.role } : null;
    }
    case "proxy": {
      const secret = headers.get(auth.secretHeader);
      if (!secret || !safeEqual(secret, auth.secret)) return null;
      const user = headers.get(auth.userHeader)?.trim();
      if (!user) return null;
      const groups = (headers.get(auth.groupsHeader) ?? "")
        .split(",")
        .map((g) => g.trim())
        .filter(Boolean);
      const role = highestRole(groups.flatMap((g) => (auth.groupRoles[g] ? [auth.groupRoles[g]] : []))) ?? auth.defaultRole;
      return role ? { user, role } : null;
    }
  }
}
