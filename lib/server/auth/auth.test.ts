import { describe, expect, it } from "vitest";
import type { DashboardAuth } from "@/lib/config/schema";
import { identify } from "./identify";
import { hashPassword, verifyPassword } from "./password";
import { RateLimiter } from "./rate-limit";
import { hasRole, highestRole } from "./roles";
import { createSessionToken, readCookie, SESSION_COOKIE, verifySessionToken } from "./session-token";

const SECRET = "s".repeat(40);

describe("passwords", () => {
  const hash = hashPassword("correct horse battery");
  it("verifies the right password and rejects others and malformed hashes", () => {
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(verifyPassword("correct horse battery", hash)).toBe(true);
    expect(verifyPassword("correct horse batterz", hash)).toBe(false);
    expect(verifyPassword("x", "scrypt$1$2")).toBe(false);
    expect(verifyPassword("x", "bcrypt$…")).toBe(false);
  });
  it("salts every hash", () => {
    expect(hashPassword("same password!")).not.toBe(hashPassword("same password!"));
  });
});

describe("session tokens", () => {
  const token = createSessionToken({ user: "ana", role: "operator", exp: 2_000 }, SECRET);
  it("round-trips until expiry", () => {
    expect(verifySessionToken(token, SECRET, 1_999)).toEqual({ user: "ana", role: "operator", exp: 2_000 });
    expect(verifySessionToken(token, SECRET, 2_000)).toBeNull();
  });
  it("rejects a token signed with another secret or edited", () => {
    expect(verifySessionToken(token, "t".repeat(40), 0)).toBeNull();
    const [payload, sig] = token.split(".");
    const forged = Buffer.from(JSON.stringify({ user: "ana", role: "admin", exp: 2_000 })).toString("base64url");
    expect(verifySessionToken(`${forged}.${sig}`, SECRET, 0)).toBeNull();
    expect(verifySessionToken(`${payload}.${sig}.x`, SECRET, 0)).toBeNull();
    expect(verifySessionToken("garbage", SECRET, 0)).toBeNull();
  });
  it("reads one cookie out of a header", () => {
    expect(readCookie(`a=1; ${SESSION_COOKIE}=${token}; b=2`, SESSION_COOKIE)).toBe(token);
    expect(readCookie(null, SESSION_COOKIE)).toBeNull();
  });
});

describe("identify", () => {
  const users: DashboardAuth = {
    mode: "users",
    sessionSecret: SECRET,
    sessionTtlHours: 12,
    users: [{ username: "ana", passwordHash: hashPassword("irrelevant-here"), role: "viewer" }],
  };
  const proxy: DashboardAuth = {
    mode: "proxy",
    userHeader: "x-forwarded-user",
    groupsHeader: "x-forwarded-groups",
    secretHeader: "x-linkscope-proxy-secret",
    secret: "p".repeat(20),
    groupRoles: { sre: "operator", platform: "admin" },
    defaultRole: null,
  };

  it("treats everyone as an anonymous admin when sign-in is off", () => {
    expect(identify(new Headers(), { mode: "none" }, 0)).toEqual({ user: "anonymous", role: "admin" });
  });

  it("takes the role from the config, not from the token, and drops removed users", () => {
    const token = createSessionToken({ user: "ana", role: "admin", exp: 10 }, SECRET);
    expect(identify(new Headers({ cookie: `${SESSION_COOKIE}=${token}` }), users, 0)).toEqual({ user: "ana", role: "viewer" });
    const ghost = createSessionToken({ user: "bob", role: "admin", exp: 10 }, SECRET);
    expect(identify(new Headers({ cookie: `${SESSION_COOKIE}=${ghost}` }), users, 0)).toBeNull();
    expect(identify(new Headers(), users, 0)).toBeNull();
  });

  it("trusts proxy headers only with the shared secret, and maps groups to the highest role", () => {
    const h = (secret: string, groups: string) =>
      new Headers({ "x-linkscope-proxy-secret": secret, "x-forwarded-user": "carol", "x-forwarded-groups": groups });
    expect(identify(h("p".repeat(20), "dev, sre, platform"), proxy, 0)).toEqual({ user: "carol", role: "admin" });
    expect(identify(h("p".repeat(20), "sre"), proxy, 0)).toEqual({ user: "carol", role: "operator" });
    expect(identify(h("p".repeat(20), "dev"), proxy, 0)).toBeNull();
    expect(identify(h("wrong", "platform"), proxy, 0)).toBeNull();
    expect(identify(new Headers({ "x-forwarded-user": "carol", "x-forwarded-groups": "platform" }), proxy, 0)).toBeNull();
  });
});

describe("roles and rate limits", () => {
  it("orders roles", () => {
    expect(hasRole("admin", "operator")).toBe(true);
    expect(hasRole("operator", "admin")).toBe(false);
    expect(highestRole(["viewer", "admin", "operator"])).toBe("admin");
    expect(highestRole([])).toBeNull();
  });

  it("limits per key within a window and resets after it", () => {
    let t = 0;
    const limiter = new RateLimiter(2, 1000, () => t);
    expect([limiter.hit("a"), limiter.hit("a"), limiter.hit("b")]).toEqual([0, 0, 0]);
    expect(limiter.hit("a")).toBe(1);
    t = 1000;
    expect(limiter.hit("a")).toBe(0);
  });
});
