import { describe, expect, it } from "vitest";
import type { ReadinessResponse } from "@/lib/api/readiness";
import { drChainClusters, drChainHalves } from "@/lib/domain/testing/dr-chain";
import { recommendAction, totalAtRisk } from "@/lib/domain/failover/readiness";
import { deriveTopology } from "@/lib/domain/topology/topology";
import { mirrorHosts, scopeMirrors } from "./runbook-model";

const NOW = new Date("2026-11-21T15:00:00.000Z");
const topology = deriveTopology(drChainClusters(), drChainHalves(), NOW);

describe("mirrorHosts", () => {
  it("lists the clusters that host mirrors, with their links, never a source half", () => {
    expect(mirrorHosts(topology).map((h) => [h.cluster, h.links.map((l) => l.name)])).toEqual([
      ["jump", ["primary-to-jump"]],
      ["dr", ["jump-to-dr"]],
    ]);
  });
});

const sync = { enabled: true, taskState: "ACTIVE", taskErrors: [] };
const answer: ReadinessResponse = {
  asOf: NOW.getTime(),
  link: {
    name: "onprem-to-cloud",
    state: "NOT_FLOWING",
    flowing: false,
    staleSince: NOW.getTime() - 600_000,
    cause: "the network between them is cut or blocked",
    causeCode: "network",
    error: "TIMEOUT_ERROR",
    sourceCluster: "onprem",
    sourceClusterStatus: "ok",
    offsetSync: sync,
    aclSync: sync,
  },
  recommendation: "none",
  reasons: ["Neither: …"],
  mirrors: [
    {
      name: "orders",
      status: "ACTIVE",
      flowing: false,
      staleSince: NOW.getTime() - 600_000,
      lag: { max: 10, total: 20, asOf: NOW.getTime() },
      lagSeconds: null,
      dataAtRisk: {
        messages: 7900,
        atLeast: true,
        estimate: { messages: 8000, basis: "last known lag 20 + …" },
        seconds: null,
        unknownBecause: null,
        measured: { messages: 7900, asOf: NOW.getTime() - 5_000, complete: true, groups: ["app-orders"] },
      },
      promote: {
        verdict: "blocked",
        reasons: ["Data is not flowing"],
        checks: [{ level: "block", text: "Data is not flowing into this mirror", code: "not-flowing" }],
      },
      failover: { verdict: "caution", reasons: ["Loses …"], checks: [{ level: "warn", text: "Loses …" }] },
    },
  ],
  consumerGroups: [],
  consumerGroupsError: null,
};

describe("scopeMirrors", () => {
  it("takes every verdict, reason level and figure from the server's answer, so the roll-ups agree with it", () => {
    const [m] = scopeMirrors(answer);
    expect(m).toMatchObject({
      link: "onprem-to-cloud",
      topic: "orders",
      staleSince: NOW.getTime() - 600_000,
      lag: { max: 10 },
      promote: { verdict: "blocked", reasons: [{ level: "block", code: "not-flowing" }] },
      atRisk: { messages: 7900, atLeast: true, measured: { messages: 7900, asOfMs: NOW.getTime() - 5_000, groups: ["app-orders"] } },
    });
    const mirrors = scopeMirrors(answer);
    expect(recommendAction(mirrors, answer.link.causeCode)).toMatchObject({
      action: null,
      why: expect.stringMatching(/^Neither: data is not flowing/),
    });
    expect(totalAtRisk(mirrors)).toEqual({ messages: 7900, seconds: null, atLeast: true, estimate: 8000 });
  });
});
