/**
 * Bootstrap strings: a comma-separated list of `host:port`, each optionally prefixed with a
 * listener protocol (`SASL_SSL://host:9092`). Hosts are compared case-insensitively.
 */
export interface HostPort {
  host: string;
  port: number;
}

export function parseBootstrap(text: string | undefined | null): HostPort[] {
  if (!text) return [];
  const out: HostPort[] = [];
  for (const raw of text.split(",")) {
    const entry = raw.trim().replace(/^[A-Za-z_]+:\/\//, "");
    const m = /^(.+):(\d{1,5})$/.exec(entry);
    if (!m || m[1] === undefined || m[2] === undefined) continue;
    out.push({ host: m[1].toLowerCase(), port: Number(m[2]) });
  }
  return out;
}

export function formatHostPort(hp: HostPort): string {
  return `${hp.host}:${hp.port}`;
}
