import "server-only";
import { ApiError } from "../http/api-error";

function isHttps(req: Request): boolean {
  return req.headers.get("x-forwarded-proto") === "https" || new URL(req.url).protocol === "https:";
}

/** HttpOnly, SameSite=Strict, Secure whenever the dashboard is reached over HTTPS. */
export function sessionCookie(req: Request, name: string, value: string, maxAgeSeconds: number): string {
  return [
    `${name}=${value}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Strict",
    `Max-Age=${maxAgeSeconds}`,
    ...(isHttps(req) ? ["Secure"] : []),
  ].join("; ");
}

/** For routes that set cookies before anyone is signed in: same-origin and JSON, like every mutation. */
export function assertSameOriginJson(req: Request): void {
  const site = req.headers.get("sec-fetch-site");
  const origin = req.headers.get("origin");
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  const originHost = origin ? (URL.canParse(origin) ? new URL(origin).host : null) : host;
  if ((site && site !== "same-origin" && site !== "none") || originHost !== host) {
    throw new ApiError("forbidden", "Sign-in is accepted only from Linkscope's own login page.");
  }
  if (!/^application\/json\b/i.test(req.headers.get("content-type") ?? "")) {
    throw new ApiError("invalid-request", "Send the request body as JSON with Content-Type: application/json.");
  }
}
