import { readFileSync } from "node:fs";
import path from "node:path";
import { ClusterConfigSchema, type ClusterConfig } from "@/lib/config/schema";
import { describeFixture, fixturesDir } from "../contract/fixture-catalog";
import type { FixtureResponse, Route } from "./server";

export function readFixture(file: string): unknown {
  return JSON.parse(readFileSync(path.join(fixturesDir(), file), "utf8")) as unknown;
}

/** A route that replays a response fixture at its catalogued method, path and query (overridable). */
export function fixtureRoute(file: string, override: { path?: string; query?: Record<string, string>; status?: number } = {}): Route {
  const entry = describeFixture(file, readFixture(file));
  if (entry.role !== "response") throw new Error(`${file} is a request fixture`);
  const respond: FixtureResponse = { status: override.status ?? entry.status, body: entry.body };
  return { method: entry.method, path: override.path ?? entry.path, query: override.query ?? entry.query, respond };
}

/** A cluster config for the fixture server, with schema defaults applied. */
export function clusterConfig(restUrl: string, overrides: Partial<Record<keyof ClusterConfig, unknown>> = {}): ClusterConfig {
  return ClusterConfigSchema.parse({ name: "test", id: "cluster-1", restUrl, timeoutMs: 10_000, ...overrides });
}
