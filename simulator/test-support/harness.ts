/** Start a manual-clock simulator on ephemeral ports and talk to it (REST per cluster, admin API). */
import { startSimulator, type RunningSimulator, type ScenarioObject } from "../index";
import { RestClient, type Exchange } from "./rest-client";

export const T0 = Date.parse("2026-01-01T00:00:00.000Z");

export interface Harness {
  sim: RunningSimulator;
  exchanges: Exchange[];
  /** A REST client for a cluster with its current credentials. */
  rest(cluster: string): RestClient;
  id(cluster: string): string;
  /** /kafka/v3/clusters/<id> of a cluster. */
  base(cluster: string): string;
  admin<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
  advance(ms: number): Promise<void>;
  stop(): Promise<void>;
}

/** All REST exchanges of every harness in this process, for the contract test. */
export const allExchanges: Exchange[] = [];

export async function startHarness(scenario: string | ScenarioObject): Promise<Harness> {
  const sim = await startSimulator({ scenario, basePort: 0, adminPort: 0, clock: "manual", startTime: T0 });
  const exchanges = allExchanges;
  const find = (name: string) => {
    const c = sim.clusters.find((x) => x.name === name);
    if (!c) throw new Error(`no cluster ${name}`);
    return c;
  };
  const admin = async <T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> => {
    const res = await fetch(sim.adminUrl + path, {
      method,
      ...(body !== undefined ? { body: JSON.stringify(body), headers: { "content-type": "application/json" } } : {}),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      /* text answers (config.yaml) stay text */
    }
    return { status: res.status, body: parsed as T };
  };
  return {
    sim,
    exchanges,
    rest(name) {
      const c = find(name);
      const live = sim.runtime.cluster(name);
      return new RestClient(c.restUrl, live ? { ...live.rest } : { username: c.username, password: c.password }, exchanges);
    },
    id: (name) => find(name).id,
    base: (name) => `/kafka/v3/clusters/${find(name).id}`,
    admin,
    async advance(ms) {
      const r = await admin("POST", "/clock", { advanceMs: ms });
      if (r.status !== 200) throw new Error(`advance failed: ${JSON.stringify(r.body)}`);
    },
    stop: () => sim.stop(),
  };
}

/** Build a JSON-in-a-string SASL config the way the CLI writes it. */
export function jaas(username: string, password: string): string {
  return `org.apache.kafka.common.security.plain.PlainLoginModule required username='${username}' password='${password}';`;
}
