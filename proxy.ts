import { NextResponse, type NextRequest } from "next/server";
import { identify } from "@/lib/server/auth/identify";
import { getConfig } from "@/lib/server/config";
import { buildCsp, SECURITY_HEADERS } from "@/lib/server/security/csp";

// Runs before every page and API route (Node.js runtime): security headers with a per-request CSP nonce, and,
// when sign-in is on, nobody sees a page or reads the API without a session.

const PUBLIC_PATHS = new Set(["/login", "/api/auth/login", "/api/health"]);

function unauthenticated(req: NextRequest): NextResponse {
  if (req.nextUrl.pathname.startsWith("/api/")) {
    return NextResponse.json(
      { error: { code: "unauthenticated", message: "Sign in to Linkscope first (your session is missing or has expired)." } },
      { status: 401 },
    );
  }
  const login = new URL("/login", req.url);
  login.searchParams.set("next", `${req.nextUrl.pathname}${req.nextUrl.search}`);
  return NextResponse.redirect(login);
}

export function proxy(req: NextRequest): NextResponse {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = buildCsp(nonce, { dev: process.env.NODE_ENV === "development" });

  const { auth } = getConfig();
  const path = req.nextUrl.pathname;
  let res: NextResponse;
  if (auth.mode !== "none" && !PUBLIC_PATHS.has(path) && !identify(req.headers, auth, Date.now())) {
    res = unauthenticated(req);
  } else {
    const requestHeaders = new Headers(req.headers);
    requestHeaders.set("x-nonce", nonce);
    requestHeaders.set("Content-Security-Policy", csp);
    res = NextResponse.next({ request: { headers: requestHeaders } });
  }
  res.headers.set("Content-Security-Policy", csp);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.headers.set(name, value);
  return res;
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|icon.svg).*)" }],
};
