import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { ClusterLinksResponseSchema, LinkDetailSchema, MirrorDetailSchema, MirrorsResponseSchema } from "@/lib/api/links";
import type { RunningSimulator } from "@/simulator/index";
import { callRoute, startFleetForRoutes, type Handler } from "./route-harness";

// A cluster known to be down answers its routes at once with 503/502, and with what the route answered from the
// cluster's last good reading (`details.lastKnown`, with its `asOf`), so a page can show what it last knew.

let sim: RunningSimulator;
const routes: Record<"links" | "link" | "mirrors" | "mirror", Handler> = {} as Record<"links" | "link" | "mirrors" | "mirror", Handler>;
let invalidate = () => {};

async function admin(method: string, path: string) {
  const res = await fetch(sim.adminUrl + path, { method });
  if (!res.ok) throw new Error(`admin ${path}: ${res.status}`);
}

interface Answer {
  status: number;
  body: Record<string, unknown> & { error?: { code: string; message: string; details?: Record<string, unknown> } };
}

async function call(handler: Handler, params: Record<string, string>): Promise<Answer> {
  const res = await callRoute(handler, { method: "GET", params });
  return { status: res.status, body: (await res.json()) as Answer["body"] };
}

const dr = { cluster: "dr" };
const link = { cluster: "dr", link: "jump-to-dr" };
const mirror = { ...link, topic: "my_test_topic" };

beforeAll(async () => {
  sim = await startFleetForRoutes("seed-dr-chain", { timeoutMs: 1000 });
  routes.links = (await import("@/app/api/clusters/[cluster]/links/route")).GET as Handler;
  routes.link = (await import("@/app/api/clusters/[cluster]/links/[link]/route")).GET as Handler;
  routes.mirrors = (await import("@/app/api/clusters/[cluster]/links/[link]/mirrors/route")).GET as Handler;
  routes.mirror = (await import("@/app/api/clusters/[cluster]/links/[link]/mirrors/[topic]/route")).GET as Handler;
  const { fleetService } = await import("@/lib/server/fleet/fleet-service");
  invalidate = () => fleetService().invalidate();
});

afterAll(async () => {
  await sim.stop();
});

function lastKnown<S extends z.ZodType>(answer: Answer, schema: S): z.infer<S> {
  const parsed = schema.safeParse(answer.body.error?.details?.lastKnown);
  if (!parsed.success) throw new Error(`details.lastKnown is not a ${JSON.stringify(answer.body).slice(0, 300)}: ${parsed.error.message}`);
  return parsed.data;
}

describe("a cluster that went down after a good reading", () => {
  it("answers 503 with the figures of its last good reading and their time, on every cluster read route", async () => {
    const before = {
      links: await call(routes.links, dr),
      link: await call(routes.link, link),
      mirrors: await call(routes.mirrors, link),
      mirror: await call(routes.mirror, mirror),
    };
    for (const answer of Object.values(before)) expect(answer.status).toBe(200);
    const goodAsOf = before.links.body.asOf;

    await admin("POST", "/clusters/dr/stop");
    invalidate();
    try {
      const links = await call(routes.links, dr);
      expect(links.status).toBe(503);
      expect(links.body.error).toMatchObject({ code: "cluster-unreachable", message: expect.stringMatching(/last answered well at/) });
      expect(links.body.error?.details).toMatchObject({ cluster: "dr", status: "unreachable", lastOkAt: goodAsOf });
      expect(lastKnown(links, ClusterLinksResponseSchema)).toEqual({ links: before.links.body.links, asOf: goodAsOf });

      const detail = lastKnown(await call(routes.link, link), LinkDetailSchema);
      expect(detail).toMatchObject({ name: "jump-to-dr", asOf: goodAsOf, configs: (before.link.body as { configs: unknown }).configs });

      const mirrors = lastKnown(await call(routes.mirrors, link), MirrorsResponseSchema);
      expect(mirrors.asOf).toBe(goodAsOf);
      expect(mirrors.mirrors.map((m) => [m.name, m.totalLag])).toEqual(
        (before.mirrors.body as z.infer<typeof MirrorsResponseSchema>).mirrors.map((m) => [m.name, m.totalLag]),
      );

      const one = await call(routes.mirror, mirror);
      expect(one.status).toBe(503);
      expect(lastKnown(one, MirrorDetailSchema)).toMatchObject({ name: "my_test_topic", asOf: goodAsOf });

      // Nothing it did not know: a link the last good reading did not have gets the 503 without lastKnown.
      const unknown = await call(routes.link, { cluster: "dr", link: "no-such-link" });
      expect(unknown.status).toBe(503);
      expect(unknown.body.error?.details).not.toHaveProperty("lastKnown");
    } finally {
      await admin("POST", "/clusters/dr/start");
      invalidate();
    }
  });
});
