import "server-only";
import { getConfig } from "../config";
import { ApiError } from "./api-error";

export type Role = "viewer" | "operator" | "admin";

export interface Actor {
  /** Who acts, for the audit log: "anonymous" while auth.mode is none. */
  user: string;
  role: Role;
}

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

/**
 * Every mutation route calls this first: same-origin, JSON, not read-only, and the caller's role.
 * With auth.mode none everyone acts as "anonymous" with every role (the UI says so); issue 8 adds users and proxies.
 */
export function guardMutation(req: Request, needs: Role): Actor {
  assertSameOrigin(req);
  assertJson(req);
  if (getConfig().readOnly) {
    throw new ApiError("read-only", "Linkscope is in read-only mode (readOnly: true in its config); nothing can be changed from here.");
  }
  void needs;
  return { user: "anonymous", role: "admin" };
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
