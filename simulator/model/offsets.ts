/**
 * Log end offsets as functions of simulated time, so nothing ticks per partition.
 *
 * Between two events a topic's log is in one mode:
 *  - produce: base + rate × weight × elapsed (a writable topic);
 *  - fetch:   min(source end offset, base + cap × elapsed) (a mirror whose fetcher runs);
 *  - frozen:  base (paused, unreachable, failed, stopped cluster).
 * Every change of mode "rebases" (snapshots the offsets at that instant) and rebases the
 * mirrors fetching from this log too. Sources are therefore concave between events, and
 * min(concave source, line) is exactly what a rate-capped fetcher chasing that source reaches.
 */

export type LogMode =
  | { kind: "produce"; ratePerSec: number }
  | { kind: "fetch"; source: PartitionLogs; capPerPartitionPerSec: number }
  | { kind: "frozen" };

const MAX_CHAIN = 64;

export class PartitionLogs {
  private base: number[];
  private t0: number;
  private mode: LogMode = { kind: "frozen" };
  private readonly dependents = new Set<PartitionLogs>();

  constructor(
    readonly weights: readonly number[],
    start: number,
    initial: readonly number[],
  ) {
    this.t0 = start;
    this.base = weights.map((_, p) => Math.max(0, Math.floor(initial[p] ?? 0)));
  }

  get partitions(): number {
    return this.weights.length;
  }

  get since(): number {
    return this.t0;
  }

  get currentMode(): LogMode {
    return this.mode;
  }

  endOffset(p: number, t: number, depth = 0): number {
    if (depth > MAX_CHAIN) throw new Error("mirror chain too deep (cycle?)");
    const base = this.base[p] ?? 0;
    const dt = Math.max(0, t - this.t0);
    switch (this.mode.kind) {
      case "frozen":
        return base;
      case "produce":
        return base + Math.floor((this.mode.ratePerSec * (this.weights[p] ?? 0) * dt) / 1000);
      case "fetch": {
        const source = this.mode.source.endOffset(p, t, depth + 1);
        return Math.max(base, Math.min(source, base + Math.floor((this.mode.capPerPartitionPerSec * dt) / 1000)));
      }
    }
  }

  endOffsets(t: number): number[] {
    return this.weights.map((_, p) => this.endOffset(p, t));
  }

  /** Snapshot at t; mirrors fetching from this log snapshot too, since their formula assumes a fixed source. */
  rebase(t: number): void {
    if (t < this.t0) t = this.t0;
    this.base = this.endOffsets(t);
    this.t0 = t;
    for (const d of this.dependents) d.rebase(t);
  }

  setMode(t: number, mode: LogMode): void {
    this.rebase(t);
    if (this.mode.kind === "fetch") this.mode.source.dependents.delete(this);
    this.mode = mode;
    if (mode.kind === "fetch") mode.source.dependents.add(this);
  }

  /** Cut the log back (truncate-and-restore). Returns the number of messages removed per partition. */
  truncateTo(t: number, offsets: readonly number[]): number[] {
    this.rebase(t);
    const removed = this.base.map((b, p) => Math.max(0, b - Math.max(0, Math.floor(offsets[p] ?? b))));
    this.base = this.base.map((b, p) => b - (removed[p] ?? 0));
    for (const d of this.dependents) d.rebase(t);
    return removed;
  }

  /** Detach from any source so a deleted topic no longer holds references. */
  detach(t: number): void {
    this.setMode(t, { kind: "frozen" });
    for (const d of this.dependents) d.setMode(t, { kind: "frozen" });
  }

  /**
   * The first instant in [from, to] at which every partition has fetched all of its source, or
   * null. Valid only while the mode is unchanged over [from, to] (the caller re-asks after events).
   * Once caught up a fetcher stays caught up (concave source), so each partition's catch-up time
   * can be found by bisection.
   */
  catchUpTime(from: number, to: number): number | null {
    if (this.mode.kind !== "fetch") return null;
    const source = this.mode.source;
    const lagAt = (p: number, t: number) => source.endOffset(p, t) - this.endOffset(p, t);
    let latest = from;
    for (let p = 0; p < this.partitions; p++) {
      if (lagAt(p, from) <= 0) continue;
      if (lagAt(p, to) > 0) return null;
      let lo = from;
      let hi = to;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (lagAt(p, mid) <= 0) hi = mid;
        else lo = mid;
      }
      latest = Math.max(latest, hi);
    }
    return latest;
  }
}

/** Split a message count over partitions by weight, exactly (the remainder goes round-robin). */
export function spread(total: number, weights: readonly number[]): number[] {
  const parts = weights.map((w) => Math.floor(total * w));
  let rest = total - parts.reduce((a, b) => a + b, 0);
  for (let p = 0; rest > 0 && parts.length > 0; p = (p + 1) % parts.length, rest--) parts[p] = (parts[p] ?? 0) + 1;
  return parts;
}
