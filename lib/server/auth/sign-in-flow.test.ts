import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "./password";

// The whole sign-in path with `auth.mode: users`: login route, the proxy gate on pages and API, CSP, role checks.
// Each vitest file runs in its own process, so pointing LINKSCOPE_CONFIG here affects only this file.

const ORIGIN = "http://127.0.0.1:3000";
const SECRET = "a-session-secret-that-is-long-enough-1234";
let login: (req: Request) => Promise<Response>;
let proxy: (req: NextRequest) => Response;
let guardMutation: typeof import("../http/mutation-guard").guardMutation;

beforeAll(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "linkscope-auth-"));
  const file = path.join(dir, "config.yaml");
  writeFileSync(
    file,
    `auth:
  mode: users
  sessionSecret: ${SECRET}
  users:
    - { username: vera, passwordHash: "${hashPassword("viewer-password")}", role: viewer }
    - { username: otto, passwordHash: "${hashPassword("operator-password")}", role: operator }
    - { username: gus, passwordHash: "${hashPassword("guessed-password")}", role: admin }
clusters:
  - { name: c1, restUrl: "http://127.0.0.1:1" }
`,
  );
  process.env.LINKSCOPE_CONFIG = file;
  ({ POST: login } = await import("@/app/api/auth/login/route"));
  ({ proxy } = await import("@/proxy"));
  ({ guardMutation } = await import("../http/mutation-guard"));
});

function loginRequest(body: unknown, headers: Record<string, string> = {}) {
  return new Request(`${ORIGIN}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: ORIGIN, host: "127.0.0.1:3000", "x-forwarded-for": "10.0.0.1", ...headers },
    body: JSON.stringify(body),
  });
}

async function signIn(username: string, password: string, ip: string): Promise<string> {
  const res = await login(loginRequest({ username, password }, { "x-forwarded-for": ip }));
  expect(res.status).toBe(200);
  const cookie = res.headers.get("set-cookie") ?? "";
  return cookie.split(";")[0]!;
}

describe("sign-in", () => {
  it("sets an HttpOnly, SameSite=Strict session cookie for the right password", async () => {
    const res = await login(loginRequest({ username: "vera", password: "viewer-password" }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ user: "vera", role: "viewer" });
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^linkscope_session=[^;]+; Path=\/; HttpOnly; SameSite=Strict; Max-Age=43200$/);
  });

  it("marks the cookie Secure behind HTTPS", async () => {
    const res = await login(loginRequest({ username: "vera", password: "viewer-password" }, { "x-forwarded-proto": "https", "x-forwarded-for": "10.0.0.2" }));
    expect(res.headers.get("set-cookie")).toMatch(/; Secure$/);
  });

  it("answers a wrong password and an unknown user the same way", async () => {
    for (const body of [{ username: "vera", password: "nope" }, { username: "nobody", password: "nope" }]) {
      const res = await login(loginRequest(body, { "x-forwarded-for": "10.0.0.3" }));
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: { code: "unauthenticated", message: "Wrong username or password." } });
    }
  });

  it("refuses cross-origin sign-in and bad bodies with a 4xx", async () => {
    expect((await login(loginRequest({ username: "vera", password: "x" }, { origin: "https://evil.example" }))).status).toBe(403);
    expect((await login(loginRequest({ user: "vera" }, { "x-forwarded-for": "10.0.0.4" }))).status).toBe(400);
  });

  it("rate-limits guessing", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await login(loginRequest({ username: "gus", password: `guess-${i}` }, { "x-forwarded-for": "10.0.0.9" }))).status);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });
});

describe("the proxy gate and security headers", () => {
  it("sends an API read without a session a 401 and a page to the login page", async () => {
    const api = proxy(new NextRequest(`${ORIGIN}/api/topology`));
    expect(api.status).toBe(401);
    const page = proxy(new NextRequest(`${ORIGIN}/clusters/c1?x=1`));
    expect(page.status).toBe(307);
    expect(new URL(page.headers.get("location") ?? "").pathname + new URL(page.headers.get("location") ?? "").search).toBe("/login?next=%2Fclusters%2Fc1%3Fx%3D1");
    expect(proxy(new NextRequest(`${ORIGIN}/login`)).status).toBe(200);
    expect(proxy(new NextRequest(`${ORIGIN}/api/health`)).status).toBe(200);
  });

  it("lets a signed-in user through with a nonce CSP, no framing, nosniff and no referrer", async () => {
    const cookie = await signIn("vera", "viewer-password", "10.0.1.1");
    const res = proxy(new NextRequest(`${ORIGIN}/`, { headers: { cookie } }));
    expect(res.status).toBe(200);
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-eval");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    const other = proxy(new NextRequest(`${ORIGIN}/`, { headers: { cookie } })).headers.get("content-security-policy");
    expect(other).not.toBe(csp);
  });
});

describe("roles on mutations", () => {
  const mutation = (cookie: string) =>
    new Request(`${ORIGIN}/api/x`, { method: "POST", headers: { cookie, "content-type": "application/json", origin: ORIGIN, host: "127.0.0.1:3000" }, body: "{}" });

  it("lets an operator run mirror actions but not admin work, and a viewer neither", async () => {
    const otto = await signIn("otto", "operator-password", "10.0.2.1");
    const vera = await signIn("vera", "viewer-password", "10.0.2.2");
    await expect(guardMutation(mutation(otto), "operator")).resolves.toEqual({ user: "otto", role: "operator" });
    await expect(guardMutation(mutation(otto), "admin")).rejects.toThrow(/needs the admin role; otto is a operator/);
    await expect(guardMutation(mutation(vera), "operator")).rejects.toThrow(/needs the operator role/);
    await expect(guardMutation(mutation(""), "viewer")).rejects.toThrow(/Sign in/);
  });

  it("rate-limits a runaway stream of mutations per user", async () => {
    const cookie = await signIn("otto", "operator-password", "10.0.3.2");
    const results: string[] = [];
    for (let i = 0; i < 62; i++) {
      try {
        await guardMutation(mutation(cookie), "viewer");
        results.push("ok");
      } catch (err) {
        results.push(err instanceof Error ? err.message : "?");
      }
    }
    expect(results.filter((r) => r === "ok").length).toBeLessThanOrEqual(60);
    expect(results.at(-1)).toMatch(/Too many changes in a minute/);
  });
});
