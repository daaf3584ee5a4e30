import "server-only";
import type { ClusterReading } from "./read-cluster";

/** One cluster's last complete reading and what is known about when it was true. */
export interface ClusterState {
  reading: ClusterReading;
  /** When the read that produced it started (epoch ms): the figures are at least this fresh. */
  asOf: number;
  finishedAt: number;
  /** `asOf` of the last reading in which the cluster answered well (status ok); null when it never has. */
  lastOkAt: number | null;
  /** Which invalidation the read started after (see invalidate). */
  generation: number;
}

/**
 * Keeps one cluster's reading, stale-while-revalidate: whoever asks gets the last complete reading at once, and a
 * stale one starts a refresh behind it. Never two reads of one cluster at once. `read` must not throw: a failure is a
 * reading with a status.
 *
 * A reading goes stale when one of the cluster's own moments has passed since its read started: every `periodMs`,
 * offset by `phaseMs` from the epoch. A lone viewer polling every period therefore starts a new read on each poll, and
 * many viewers one per period, as with a period counted from each read; but the fleet gives each cluster its own phase,
 * so with many viewers the clusters' reads stay spread over the period instead of falling into step (a lone viewer's
 * polls start them all at once, and a period counted from each read kept them together from then on). At four times
 * the scale fleet the whole fleet's mirror lists decoded at once held every request for up to a second. A slow read
 * is reused for at least half a period after it lands, so an overloaded cluster is never asked back to back.
 */
export class ClusterRefresher {
  private state: ClusterState | null = null;
  /**
   * The last reading in which the cluster answered well (with its mirror list, once one was read): what pages show,
   * labelled with its time, while it is down.
   */
  private lastOk: ClusterState | null = null;
  private inFlight: Promise<void> | null = null;
  private generation = 0;

  constructor(
    private readonly read: () => Promise<ClusterReading>,
    private readonly periodMs: number,
    private readonly now: () => number,
    private readonly options: {
      /** Called after each read lands (its reading is current()). */
      onLanded?: () => void;
      /** Where in the period this cluster's moments fall (ms after each multiple of periodMs since the epoch). */
      phaseMs?: number;
    } = {},
  ) {}

  current(): ClusterState | null {
    return this.state;
  }

  lastGood(): ClusterState | null {
    return this.lastOk;
  }

  /** No reading yet, or none since the last invalidate: a caller that needs this cluster has to wait for one. */
  mustWait(): boolean {
    return this.state === null || this.state.generation < this.generation;
  }

  /** Starts a refresh when the reading is stale and none is running. */
  refreshIfStale(): void {
    if (this.inFlight) return;
    const at = this.now();
    const s = this.state;
    const fresh =
      s !== null && s.generation === this.generation && (this.moment(at) === this.moment(s.asOf) || at - s.finishedAt < this.periodMs / 2);
    if (fresh) return;
    const generation = this.generation;
    this.inFlight = this.read()
      .then((reading) => {
        const ok = reading.observation.status === "ok";
        this.state = { reading, asOf: at, finishedAt: this.now(), lastOkAt: ok ? at : (this.state?.lastOkAt ?? null), generation };
        // A cluster that goes down between its link list and its mirror list answers "ok" without mirrors: that
        // reading must not replace a last-known one that has them, or the pages shown while it is down lose the
        // mirror table they had.
        if (ok && (reading.mirrors !== null || this.lastOk?.reading.mirrors == null)) this.lastOk = this.state;
        this.options.onLanded?.();
      })
      .finally(() => {
        this.inFlight = null;
      });
  }

  /** Which of the cluster's periods `t` falls in. */
  private moment(t: number): number {
    return Math.floor((t - (this.options.phaseMs ?? 0)) / this.periodMs);
  }

  /** Resolves with a reading that started after the last invalidate (waiting for a running read first if it is older). */
  async settled(): Promise<ClusterState> {
    for (;;) {
      if (this.state && !this.mustWait()) return this.state;
      this.refreshIfStale();
      const running = this.inFlight;
      if (running) await running.catch(() => undefined);
      else if (this.state) return this.state;
    }
  }

  /** After a mutation: the next caller that needs this cluster waits for a reading that started after it. */
  invalidate(): void {
    this.generation++;
    this.refreshIfStale();
  }
}
