/**
 * The `scale` scenario, generated: a fleet the size of issue 9 (24 clusters, 96 links of all three kinds, 9,600
 * mirror topics of 6 partitions = 57,600 mirror partitions, one link carrying 2,000 of them) with the same
 * injected REST latency on every cluster. The same generator makes the tiny fleet of the smoke test.
 *
 * Layout. The first half of the clusters are public, the rest private (each in its own zone), so every link is
 * healthy only if it dials the way a real one must:
 *   - destination-initiated: the destination dials the source, so the source is public;
 *   - source-initiated: the (private) source dials out to a public destination's INBOUND half;
 *   - bidirectional: both halves dial each other, so both ends are public.
 * Mirror-hosting halves: every destination-initiated link, the destination half of every source-initiated link and
 * both halves of every bidirectional link. The first destination-initiated link hosts the big mirror set; the
 * remaining mirrors are spread evenly over the other mirror-hosting halves. Topic names are unique fleet-wide.
 */
import type { z } from "zod";
import type { ScenarioInput, ScenarioLinkSchema } from "./schema";
import { mulberry32 } from "../model/rng";

/** The item a modulo index picks: present whenever the list is not empty, which the generator's fixed tables guarantee. */
function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`Internal error: ${what} is missing.`);
  return value;
}

type LinkInput = z.input<typeof ScenarioLinkSchema>;

export interface ScaleOptions {
  clusters: number;
  /** Logical links of each kind (destination-initiated, source-initiated, bidirectional). */
  linksPerKind: number;
  /** Mirror topics across the fleet, the big link's included. */
  mirrors: number;
  partitions: number;
  /** Mirrors on the one big link (item 5 of the benchmark). */
  bigLinkMirrors: number;
  /** Injected on every REST answer of every cluster. */
  latencyMs: number;
  seed: number;
}

export const FULL_SCALE: ScaleOptions = {
  clusters: 24,
  linksPerKind: 32,
  mirrors: 9_600,
  partitions: 6,
  bigLinkMirrors: 2_000,
  latencyMs: 20,
  seed: 9,
};

/**
 * The issue-9 fleet times `factor`: clusters, links and mirrors grow together (the same mirrors per link and links
 * per cluster), the big link, partitions, latency and seed stay, so `scaledFleet(1)` is FULL_SCALE itself.
 */
export function scaledFleet(factor: number): ScaleOptions {
  if (!Number.isInteger(factor) || factor < 1) throw new Error(`the fleet's scale factor must be a whole number ≥ 1, not ${factor}`);
  return {
    ...FULL_SCALE,
    clusters: FULL_SCALE.clusters * factor,
    linksPerKind: FULL_SCALE.linksPerKind * factor,
    mirrors: FULL_SCALE.mirrors * factor,
  };
}

export const TINY_SCALE: ScaleOptions = {
  clusters: 4,
  linksPerKind: 2,
  mirrors: 40,
  partitions: 2,
  bigLinkMirrors: 12,
  latencyMs: 2,
  seed: 9,
};

export type LinkKind = "destination-initiated" | "source-initiated" | "bidirectional";

export interface HalfFacts {
  cluster: string;
  link: string;
  kind: LinkKind;
  mirrors: number;
  hostsMirrors: boolean;
}

/** What the benchmark needs to know about the generated fleet (and checks the dashboard against). */
export interface ScaleFacts {
  clusters: number;
  links: number;
  linksByKind: Record<LinkKind, number>;
  halves: HalfFacts[];
  mirrors: number;
  mirrorPartitions: number;
  /** Clusters that host a destination or bidirectional half: the ones that get a `links/-/mirrors` call (read-cluster.ts). */
  mirrorHostingClusters: number;
  bigLink: { cluster: string; link: string; mirrors: number };
  /** An ordinary link (the median mirror count), for comparison. */
  typicalLink: { cluster: string; link: string; mirrors: number };
}

export interface GeneratedScale {
  scenario: ScenarioInput;
  facts: ScaleFacts;
}

function token(random: () => number, length: number, alphabet: string): string {
  let s = "";
  for (let i = 0; i < length; i++) s += alphabet[Math.floor(random() * alphabet.length)];
  return s;
}

const UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const MIXED = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const REGIONS = [
  ["us-east-1", "aws"],
  ["eu-west-1", "aws"],
  ["westeurope", "azure"],
  ["europe-west3", "gcp"],
  ["ap-southeast-2", "aws"],
  ["us-west-2", "aws"],
] as const;

const pad = (n: number, width: number) => String(n).padStart(width, "0");

interface HalfPlan {
  link: LinkInput;
  kind: LinkKind;
  hosts: boolean;
  /** Prefix of this half's source topic names (unique fleet-wide). */
  topicPrefix: string;
}

function check(o: ScaleOptions): void {
  const pub = Math.ceil(o.clusters / 2);
  if (o.clusters < 4) throw new Error("the scale scenario needs at least 4 clusters");
  if (pub < 2) throw new Error("the scale scenario needs at least 2 public clusters for bidirectional links");
  if (o.linksPerKind < 1) throw new Error("linksPerKind must be at least 1");
  const hostingHalves = o.linksPerKind * 4;
  if (o.bigLinkMirrors > o.mirrors) throw new Error("bigLinkMirrors cannot exceed mirrors");
  if (o.mirrors - o.bigLinkMirrors < hostingHalves - 1) throw new Error("too few mirrors: every mirror-hosting half needs at least one");
}

export function generateScaleScenario(options: Partial<ScaleOptions> = {}): GeneratedScale {
  const o: ScaleOptions = { ...FULL_SCALE, ...options };
  check(o);
  // Deterministic, so the same options always give the same fleet.
  const random = mulberry32(o.seed);
  const publicCount = Math.ceil(o.clusters / 2);
  const width = Math.max(2, String(o.clusters).length);

  const clusters = Array.from({ length: o.clusters }, (_, i) => {
    const isPublic = i < publicCount;
    const name = isPublic ? `pub-${pad(i + 1, width)}` : `dc-${pad(i - publicCount + 1, width)}`;
    const [region, cloud] = required(REGIONS[i % REGIONS.length], `region ${i % REGIONS.length}`);
    return {
      name,
      displayName: isPublic ? `Cloud ${pad(i + 1, width)} (${region})` : `Data centre ${pad(i - publicCount + 1, width)}`,
      id: isPublic ? `lkc-${token(random, 6, "abcdefghijklmnopqrstuvwxyz0123456789")}` : token(random, 22, MIXED),
      network: isPublic ? ("public" as const) : ("private" as const),
      region,
      cloud: isPublic ? cloud : "on-prem",
      credentials: { apiKey: token(random, 16, UPPER), apiSecret: token(random, 64, MIXED) },
      topics: [] as { name: string; partitions: number; produceRate: number; initialMessages: number }[],
    };
  });
  const pub = clusters.slice(0, publicCount);
  const prv = clusters.slice(publicCount);
  const all = clusters;

  const plans: HalfPlan[] = [];
  const dial = (remote: string) => ({
    "bootstrap.servers": `SASL_SSL://\${${remote}.bootstrap}`,
    "security.protocol": "SASL_SSL",
    "sasl.mechanism": "PLAIN",
    "sasl.jaas.config": `\${${remote}.jaas}`,
  });

  for (let k = 0; k < o.linksPerKind; k++) {
    // Destination-initiated: a public source, any other cluster as destination.
    const src = required(pub[k % pub.length], "a public cluster");
    let dst = required(all[(k * 7 + 3) % all.length], "a destination cluster");
    if (dst.name === src.name) dst = required(all[(k * 7 + 4) % all.length], "a destination cluster");
    const name = `di-${pad(k + 1, 3)}`;
    plans.push({
      kind: "destination-initiated",
      hosts: true,
      topicPrefix: name,
      link: {
        name,
        cluster: dst.name,
        remote: src.name,
        configs: { "link.mode": "DESTINATION", "connection.mode": "OUTBOUND", ...dial(src.name) },
        mirrors: [],
      },
    });
  }
  for (let k = 0; k < o.linksPerKind; k++) {
    // Source-initiated: a private source dials out to a public destination.
    const sources = prv.length > 0 ? prv : pub;
    const src = required(sources[k % sources.length], "a source cluster");
    let dst = required(pub[(k * 5 + 1) % pub.length], "a public cluster");
    if (dst.name === src.name) dst = required(pub[(k * 5 + 2) % pub.length], "a public cluster");
    const name = `si-${pad(k + 1, 3)}`;
    plans.push({
      kind: "source-initiated",
      hosts: true,
      topicPrefix: name,
      link: {
        name,
        cluster: dst.name,
        remote: src.name,
        configs: { "link.mode": "DESTINATION", "connection.mode": "INBOUND" },
        mirrors: [],
      },
    });
    plans.push({
      kind: "source-initiated",
      hosts: false,
      topicPrefix: name,
      link: {
        name,
        cluster: src.name,
        remote: dst.name,
        configs: {
          "link.mode": "SOURCE",
          "connection.mode": "OUTBOUND",
          ...dial(dst.name),
          "local.bootstrap.servers": `SASL_SSL://\${${src.name}.bootstrap}`,
          "local.security.protocol": "SASL_SSL",
          "local.sasl.mechanism": "PLAIN",
          "local.sasl.jaas.config": `\${${src.name}.jaas}`,
        },
      },
    });
  }
  for (let k = 0; k < o.linksPerKind; k++) {
    // Bidirectional: two public ends, a different pairing each round so no two links share both ends too often.
    const a = required(pub[k % pub.length], "a public cluster");
    const offset = 1 + (Math.floor(k / pub.length) % (pub.length - 1));
    const b = required(pub[(k + offset) % pub.length], "a public cluster");
    const name = `bd-${pad(k + 1, 3)}`;
    for (const [host, remote, side] of [
      [a, b, "a"],
      [b, a, "b"],
    ] as const) {
      plans.push({
        kind: "bidirectional",
        hosts: true,
        topicPrefix: `${name}${side}`,
        link: {
          name,
          cluster: host.name,
          remote: remote.name,
          configs: { "link.mode": "BIDIRECTIONAL", ...dial(remote.name) },
          mirrors: [],
        },
      });
    }
  }

  // Mirrors: the big set on the first destination-initiated link, the rest spread evenly.
  const hosting = plans.filter((p) => p.hosts);
  const counts = new Map<HalfPlan, number>();
  const big = required(hosting[0], "the first hosting cluster");
  counts.set(big, o.bigLinkMirrors);
  const rest = hosting.slice(1);
  const remaining = o.mirrors - o.bigLinkMirrors;
  for (const [i, p] of rest.entries()) counts.set(p, Math.floor(remaining / rest.length) + (i < remaining % rest.length ? 1 : 0));

  const byName = new Map(clusters.map((c) => [c.name, c]));
  for (const plan of hosting) {
    const n = counts.get(plan) ?? 0;
    const source = required(byName.get(plan.link.remote), `cluster ${plan.link.remote}`);
    const mirrors: { source: string; lag: number; status: "ACTIVE" | "PAUSED" }[] = [];
    for (let j = 0; j < n; j++) {
      const topic = `${plan.topicPrefix}.t${pad(j + 1, 4)}`;
      // Mostly quiet topics, some busy ones, a few mirrors well behind: enough variety for the tables and charts.
      const busy = random() < 0.1;
      source.topics.push({
        name: topic,
        partitions: o.partitions,
        produceRate: busy ? 60 : 3,
        initialMessages: 10_000 + Math.floor(random() * 90_000),
      });
      const roll = random();
      mirrors.push({
        source: topic,
        lag: roll < 0.05 ? 50_000 + Math.floor(random() * 200_000) : Math.floor(random() * 500),
        status: roll > 0.995 ? "PAUSED" : "ACTIVE",
      });
    }
    plan.link.mirrors = mirrors;
  }

  const scenario: ScenarioInput = {
    name: `scale-${o.clusters}x${o.linksPerKind * 3}`,
    description: `Generated by simulator/scenario/scale.ts: ${o.clusters} clusters, ${o.linksPerKind * 3} links, ${o.mirrors} mirrors × ${o.partitions} partitions, ${o.latencyMs} ms per REST answer.`,
    seed: o.seed,
    startTime: "2026-01-01T00:00:00Z",
    clusters,
    links: plans.map((p) => p.link),
    faults: { http: clusters.map((c) => ({ cluster: c.name, latencyMs: o.latencyMs })) },
  };

  const halves: HalfFacts[] = plans.map((p) => ({
    cluster: p.link.cluster,
    link: p.link.name,
    kind: p.kind,
    mirrors: counts.get(p) ?? 0,
    hostsMirrors: p.hosts,
  }));
  const sortedRest = [...rest].sort((x, y) => (counts.get(x) ?? 0) - (counts.get(y) ?? 0));
  const typical = required(sortedRest[Math.floor(sortedRest.length / 2)], "the median cluster");
  const facts: ScaleFacts = {
    clusters: o.clusters,
    links: o.linksPerKind * 3,
    linksByKind: { "destination-initiated": o.linksPerKind, "source-initiated": o.linksPerKind, bidirectional: o.linksPerKind },
    halves,
    mirrors: o.mirrors,
    mirrorPartitions: o.mirrors * o.partitions,
    mirrorHostingClusters: new Set(halves.filter((h) => h.hostsMirrors).map((h) => h.cluster)).size,
    bigLink: { cluster: big.link.cluster, link: big.link.name, mirrors: o.bigLinkMirrors },
    typicalLink: { cluster: typical.link.cluster, link: typical.link.name, mirrors: counts.get(typical) ?? 0 },
  };
  return { scenario, facts };
}
