/** The Linkscope config for a running fleet, validated against the dashboard's own schema. */
import { stringify } from "yaml";
import { LinkscopeConfigSchema, type LinkscopeConfig } from "../lib/config/schema";

export interface ConfigCluster {
  name: string;
  displayName: string;
  id: string;
  restUrl: string;
  bootstrap: string;
  username: string;
  password: string;
  network: "private" | "public";
  region: string;
  cloud: string;
  /** PEM of the CA that signed an HTTPS cluster's certificate. */
  ca?: string | undefined;
}

export function linkscopeConfig(clusters: ConfigCluster[], pollIntervalSeconds = 5): LinkscopeConfig {
  return LinkscopeConfigSchema.parse({
    clusters: clusters.map((c) => ({
      name: c.name,
      displayName: c.displayName,
      id: c.id,
      restUrl: c.restUrl,
      bootstrap: c.bootstrap,
      auth: { type: "basic", username: c.username, password: c.password },
      network: c.network,
      region: c.region,
      cloud: c.cloud,
      ...(c.ca ? { ca: c.ca } : {}),
    })),
    pollIntervalSeconds,
  });
}

export function linkscopeConfigYaml(clusters: ConfigCluster[], pollIntervalSeconds = 5): string {
  const cfg = linkscopeConfig(clusters, pollIntervalSeconds);
  const header = "# Written by the Linkscope simulator for its simulated fleet. Credentials are the simulator's own.\n";
  return (
    header + stringify({ clusters: cfg.clusters.map(({ timeoutMs: _t, ...rest }) => rest), pollIntervalSeconds: cfg.pollIntervalSeconds })
  );
}
