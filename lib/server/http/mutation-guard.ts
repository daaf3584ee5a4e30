import "server-only";
import type { Role } from "@/lib/config/schema";
import { identify, type Actor } from "../auth/identify";
import { hasRole, ROLE_CAN } from "../auth/roles";
import { SharedRateLimiter } from "../auth/shared-rate-limit";
import { getConfig } from "../config";
import { AuditUnavailableError } from "../store/errors";
import { sharedStore } from "../store/shared-store";
import { ApiError } from "./api-error";

export type { Actor } from "../auth/identify";
export type { Role } from "@/lib/config/schema";

// 60 a minute by default: far above any human, low enough to stop a runaway script.
let mutationLimiter: SharedRateLimiter | undefined;

const SAFE_FETCH_SITES = new Set(["same-origin", "none"]);

/** Rejects cross-site requests: browsers send Origin and Sec-Fetch-Site on every POST/PATCH/DELETE. */
function assertSameOrigin(req: Request): void {
  const site = req.headers.get("sec-fetch-site");
  if (site && !SAFE_FETCH_SITES.has(site)) {
    throw new ApiError("forbidden", "Cross-site requests cannot change anything; use Linkscope's own pages or a script without a browser.");
  }
  const origin = req.headers.get("origin");
  if (origin) {
    const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
    let originHost: string | null = null;
    try {
      originHost = new URL(origin).host;
    } catch {
      originHost = null;
    }
    if (!host || originHost !== host) {
      throw new ApiError("forbidden", "This request comes from another origin; mutations are accepted only from Linkscope's own pages.");
    }
  }
}

function assertJson(req: Request): void {
  if (req.method === "DELETE") return;
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) {
    throw new ApiError("invalid-request", "Send the request body as JSON with Content-Type: application/json.");
  }
}

/** The signed-in caller, or a 401 that says how to sign in. For read routes. */
export function requireActor(req: Request): Actor {
  const actor = identify(req.headers, getConfig().auth, Date.now());
  if (!actor) throw new ApiError("unauthenticated", "Sign in to Linkscope first (your session is missing or has expired).");
  return actor;
}

/** Counted in the shared store: the limit holds across replicas, and a store that is down refuses the change (503). */
async function assertWithinMutationLimit(user: string): Promise<void> {
  mutationLimiter ??= new SharedRateLimiter({ store: sharedStore, limit: getConfig().mutationsPerMinute, windowMs: 60_000, fallback: "refuse" });
  let wait: number;
  try {
    wait = await mutationLimiter.hit(`mutation:${user}`);
  } catch (err) {
    if (!(err instanceof AuditUnavailableError)) throw err;
    console.warn(`linkscope: refused a change by ${user}: the shared store cannot be used (${err.message})`);
    throw new ApiError(
      "audit-unavailable",
      "Linkscope cannot reach its audit store, so it changes nothing (the server log says why: usually the database being unreachable, a full disk or file permissions). Reading still works.",
    );
  }
  if (wait > 0) throw new ApiError("rate-limited", `Too many changes in a minute; try again in ${wait} s.`);
}

/**
 * Every mutation route calls this first: same-origin, JSON, signed in with the needed role, not read-only, and
 * within the rate limit. With auth.mode none everyone acts as "anonymous" with every role (the UI says so).
 */
export async function guardMutation(req: Request, needs: Role): Promise<Actor> {
  assertSameOrigin(req);
  assertJson(req);
  const actor = requireActor(req);
  if (!hasRole(actor.role, needs)) {
    throw new ApiError("forbidden", `This needs the ${needs} role; ${actor.user} is a ${actor.role} and can ${ROLE_CAN[actor.role]}.`);
  }
  if (getConfig().readOnly) {
    throw new ApiError("read-only", "Linkscope is in read-only mode (readOnly: true in its config); nothing can be changed from here.");
  }
  await assertWithinMutationLimit(actor.user);
  return actor;
}

/** Reads a JSON body; malformed JSON is a 400, never a 500. */
export async function readJsonBody(req: Request): Promise<unknown> {
  const text = await req.text();
  if (text.length > 1_000_000) throw new ApiError("invalid-request", "The request body is larger than 1 MB.");
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    throw new ApiError("invalid-request", "The request body is not valid JSON.");
  }
}

/**
 * The start of an audited mutation: the body is read first, without judging it, and handed to `keep` so that even a
 * refused attempt is recorded with what it asked for; then guardMutation decides, and only then does an unreadable
 * body count against the request.
 */
export async function readBodyThenGuard(req: Request, needs: Role, keep: (body: unknown) => void): Promise<Actor> {
  let unreadable: unknown = null;
  const body = await readJsonBody(req).catch((err: unknown) => {
    unreadable = err;
    return undefined;
  });
  keep(body);
  const actor = await guardMutation(req, needs);
  if (unreadable) throw unreadable;
  return actor;
}
