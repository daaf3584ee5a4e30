/** Small inline fleets for focused tests. Bootstraps follow the simulator's <name>.sim.local:9092 convention. */
import type { ScenarioObject } from "../index";

export const creds = (name: string) => ({ apiKey: `${name.toUpperCase()}KEY`, apiSecret: `${name}-secret` });
export const jaasFor = (name: string) =>
  `org.apache.kafka.common.security.plain.PlainLoginModule required username='${name.toUpperCase()}KEY' password='${name}-secret';`;

/** src (public) and dst (public) with topics on src and nothing linked yet. */
export function pair(extra: Partial<ScenarioObject> = {}): ScenarioObject {
  return {
    name: "pair",
    seed: 11,
    clusters: [
      {
        name: "src",
        displayName: "Source",
        id: "lkc-src001",
        network: "public",
        region: "us-east-1",
        cloud: "aws",
        credentials: creds("src"),
        topics: [
          { name: "orders", partitions: 3, produceRate: 30, initialMessages: 3000 },
          { name: "payments", partitions: 2, produceRate: 0, initialMessages: 1000 },
          { name: "mirror_me_a", partitions: 1, produceRate: 1 },
          { name: "no_mirror_b", partitions: 1, produceRate: 1 },
        ],
      },
      { name: "dst", displayName: "Destination", id: "lkc-dst001", network: "public", region: "us-west-2", cloud: "aws", credentials: creds("dst") },
      { name: "vault", displayName: "Private", id: "lkc-vlt001", network: "private", region: "eu-west-1", cloud: "aws", credentials: creds("vault") },
    ],
    ...extra,
  };
}

/** src → dst destination-initiated link `d-link` with `orders` mirrored (fetch cap per partition as given). */
export function linkedPair(opts: { fetchRate?: number; lag?: number; produceRate?: number } = {}): ScenarioObject {
  const base = pair();
  const clusters = base.clusters.map((c) =>
    c.name === "src" && opts.produceRate !== undefined
      ? { ...c, topics: (c.topics ?? []).map((t) => (t.name === "orders" ? { ...t, produceRate: opts.produceRate } : t)) }
      : c,
  );
  return {
    ...base,
    clusters,
    links: [
      {
        name: "d-link",
        cluster: "dst",
        remote: "src",
        ...(opts.fetchRate !== undefined ? { fetchRate: opts.fetchRate } : {}),
        // biome-ignore lint/suspicious/noTemplateCurlyInString: ${cluster.field} is the scenario file's placeholder, filled in by the simulator
        configs: { "bootstrap.servers": "${src.bootstrap}", "security.protocol": "SASL_SSL", "sasl.mechanism": "PLAIN", "sasl.jaas.config": "${src.jaas}" },
        mirrors: [{ source: "orders", lag: opts.lag ?? 0 }],
      },
    ],
  };
}
