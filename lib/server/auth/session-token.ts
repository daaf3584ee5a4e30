import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { RoleSchema } from "@/lib/config/schema";

export const SESSION_COOKIE = "linkscope_session";

const SessionSchema = z.object({ user: z.string(), role: RoleSchema, exp: z.number().int() });
export type Session = z.infer<typeof SessionSchema>;

function sign(payload: string, secret: string): string {
  return createHmac("sha256", secret).update(payload).digest("base64url");
}

/** `payload.signature`, both base64url: the server can trust what it signed without storing sessions. */
export function createSessionToken(session: Session, secret: string): string {
  const payload = Buffer.from(JSON.stringify(session)).toString("base64url");
  return `${payload}.${sign(payload, secret)}`;
}

export function verifySessionToken(token: string, secret: string, nowMs: number): Session | null {
  const [payload, signature, extra] = token.split(".");
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(sign(payload, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const session = SessionSchema.safeParse(parsed);
  if (!session.success || session.data.exp <= nowMs) return null;
  return session.data;
}

export function readCookie(header: string | null, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return v.join("=");
  }
  return null;
}
