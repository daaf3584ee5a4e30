/** Deterministic randomness: every random choice in the simulator comes from here, seeded by the scenario. */

export type Rng = () => number;

/** FNV-1a: turns a label into a 32-bit seed so that each consumer gets an independent, stable stream. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: small, fast, good enough for simulation noise. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A stream keyed by (seed, label): adding a cluster to a scenario does not reshuffle the others' ids. */
export function rngFor(seed: number, label: string): Rng {
  return mulberry32(hashString(`${seed}:${label}`));
}

const BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const HEX = "0123456789abcdef";

/** A 22-character base64url id, the shape of a real `cluster_link_id` (16 random bytes). */
export function clusterLinkId(rng: Rng): string {
  let out = "";
  for (let i = 0; i < 22; i++) out += BASE64URL[Math.floor(rng() * 64)];
  return out;
}

/** A version-4 shaped UUID, the shape of the deprecated `link_id`. */
export function uuid(rng: Rng): string {
  let hex = "";
  for (let i = 0; i < 32; i++) hex += HEX[Math.floor(rng() * 16)];
  const variant = HEX[8 + Math.floor(rng() * 4)] ?? "8";
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** An upper-case alphanumeric string, the shape of a Confluent Cloud API key. */
export function apiKey(rng: Rng, length = 16): string {
  const chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  let out = "";
  for (let i = 0; i < length; i++) out += chars[Math.floor(rng() * chars.length)];
  return out;
}

/** A base64-ish secret, the shape of a Confluent Cloud API secret. */
export function apiSecret(rng: Rng, length = 64): string {
  let out = "";
  for (let i = 0; i < length; i++) out += BASE64URL[Math.floor(rng() * 62)];
  return out;
}

/** Positive weights summing to 1, slightly uneven, so partitions of one topic do not move in lockstep. */
export function partitionWeights(rng: Rng, partitions: number): number[] {
  const raw = Array.from({ length: partitions }, () => 0.75 + rng() * 0.5);
  const sum = raw.reduce((a, b) => a + b, 0);
  return raw.map((w) => w / sum);
}
