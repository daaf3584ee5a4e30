/**
 * Simulated time. Real-time mode: simulated now = anchor + elapsed real time × speed.
 * Manual mode: time moves only through advance(). Time never goes backwards.
 */
export type ClockMode = "manual" | "realtime";

export interface ClockSnapshot {
  now: number;
  nowIso: string;
  mode: ClockMode;
  speed: number;
}

export class SimClock {
  private anchorSim: number;
  private anchorReal: number;
  private mode: ClockMode;
  private speed: number;

  constructor(opts: { start: number; mode: ClockMode; speed?: number; realNow?: () => number }) {
    this.realNow = opts.realNow ?? (() => performance.timeOrigin + performance.now());
    this.anchorSim = Math.floor(opts.start);
    this.anchorReal = this.realNow();
    this.mode = opts.mode;
    this.speed = opts.speed ?? 1;
    if (!(this.speed > 0)) throw new Error("clock speed must be > 0");
  }

  private readonly realNow: () => number;

  now(): number {
    if (this.mode === "manual") return this.anchorSim;
    return Math.floor(this.anchorSim + (this.realNow() - this.anchorReal) * this.speed);
  }

  advance(ms: number): number {
    if (!Number.isFinite(ms) || ms < 0) throw new Error("advance needs a finite, non-negative number of milliseconds");
    this.rebase();
    this.anchorSim += Math.floor(ms);
    return this.now();
  }

  setSpeed(speed: number): void {
    if (!Number.isFinite(speed) || speed <= 0) throw new Error("speed must be a finite number > 0");
    this.rebase();
    this.speed = speed;
  }

  setMode(mode: ClockMode): void {
    this.rebase();
    this.mode = mode;
  }

  snapshot(): ClockSnapshot {
    const now = this.now();
    return { now, nowIso: new Date(now).toISOString(), mode: this.mode, speed: this.speed };
  }

  /** Fold elapsed real time into the anchor, so a change of speed or mode applies from this instant on. */
  private rebase(): void {
    this.anchorSim = this.now();
    this.anchorReal = this.realNow();
  }
}
