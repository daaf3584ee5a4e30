import "server-only";
import type { FleetSnapshot } from "../fleet/fleet-service";
import { linkSamplesFromSnapshot } from "./snapshot-samples";
import type { MaintenanceSummary } from "./maintenance";
import type { LinkSample, RecordSummary } from "./writer";

/** The part of the store the sampler writes to. */
export interface HistorySink {
  record(ts: number, links: readonly LinkSample[]): RecordSummary;
  maintain(): MaintenanceSummary;
}

export type Schedule = (tick: () => void, intervalMs: number) => () => void;

export interface HistorySamplerOptions {
  /** The fleet service's coalesced snapshot: the sampler never asks a cluster anything itself. */
  snapshot: () => Promise<Pick<FleetSnapshot, "readings" | "topology">>;
  sink: HistorySink;
  intervalMs: number;
  now?: () => number;
  schedule?: Schedule;
  log?: (line: string) => void;
  /** See DEFAULT_PARTITIONS_PER_BATCH. */
  partitionsPerBatch?: number;
}

/**
 * A sample is written in batches of whole links of about this many partitions, with the event loop free between them:
 * SQLite writes synchronously, and at four times the scale fleet (230,400 partitions) one transaction for the whole
 * sample held every request for 100–200 ms every 15 s. A link's rows are always written together.
 */
export const DEFAULT_PARTITIONS_PER_BATCH = 20_000;

export type SampleOutcome =
  | { status: "recorded"; ts: number; summary: RecordSummary }
  | { status: "skipped"; reason: "busy" | "already-sampled" }
  | { status: "failed"; error: string };

const defaultSchedule: Schedule = (tick, intervalMs) => {
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
};

/** An error's name and, for SQLite, its result code: never a message, which may carry upstream text. */
function errorLabel(err: unknown): string {
  if (!(err instanceof Error)) return typeof err;
  return "code" in err && typeof err.code === "string" ? `${err.name} ${err.code}` : err.name;
}

/**
 * Records the fleet's lag every `intervalMs`. It reads the same cached, coalesced snapshot as the pages, so a page
 * refresh and a sample within one cache period cost one upstream read, and it stamps each sample with the time the
 * snapshot was taken. A tick that finds the previous one still running, or the same snapshot again, does nothing.
 * Nothing here throws into the timer: failures are logged as one line.
 */
export class HistorySampler {
  private cancel: (() => void) | null = null;
  private running: Promise<SampleOutcome> | null = null;
  private lastTs = -Infinity;
  private readonly now: () => number;
  private readonly log: (line: string) => void;

  constructor(private readonly options: HistorySamplerOptions) {
    this.now = options.now ?? Date.now;
    this.log = options.log ?? ((line) => console.error(line));
  }

  get started(): boolean {
    return this.cancel !== null;
  }

  start(): void {
    if (this.cancel) return;
    const schedule = this.options.schedule ?? defaultSchedule;
    this.cancel = schedule(() => void this.sampleOnce(), this.options.intervalMs);
  }

  /** Stops the timer and waits for a sample in progress. */
  async stop(): Promise<void> {
    this.cancel?.();
    this.cancel = null;
    await this.running;
  }

  sampleOnce(): Promise<SampleOutcome> {
    if (this.running) return Promise.resolve({ status: "skipped", reason: "busy" });
    const run = this.sample().finally(() => {
      this.running = null;
    });
    this.running = run;
    return run;
  }

  private async sample(): Promise<SampleOutcome> {
    try {
      const snapshot = await this.options.snapshot();
      const taken = Date.parse(snapshot.topology.generatedAt);
      const ts = Number.isFinite(taken) ? taken : this.now();
      if (ts <= this.lastTs) return { status: "skipped", reason: "already-sampled" };
      const summary = await this.recordInBatches(ts, linkSamplesFromSnapshot(snapshot));
      this.lastTs = ts;
      this.options.sink.maintain();
      return { status: "recorded", ts, summary };
    } catch (err) {
      const error = errorLabel(err);
      this.log(`linkscope: lag history sample failed: ${error}`);
      return { status: "failed", error };
    }
  }

  private async recordInBatches(ts: number, links: readonly LinkSample[]): Promise<RecordSummary> {
    const total: RecordSummary = { links: 0, mirrors: 0, partitions: 0 };
    const limit = this.options.partitionsPerBatch ?? DEFAULT_PARTITIONS_PER_BATCH;
    for (const [i, batch] of batchesOf(links, limit).entries()) {
      if (i > 0) await new Promise<void>((resolve) => setImmediate(resolve));
      const done = this.options.sink.record(ts, batch);
      total.links += done.links;
      total.mirrors += done.mirrors;
      total.partitions += done.partitions;
    }
    return total;
  }
}

/** Consecutive runs of whole links, each of at most `limit` partitions unless one link alone has more. */
function batchesOf(links: readonly LinkSample[], limit: number): LinkSample[][] {
  const batches: LinkSample[][] = [];
  let batch: LinkSample[] = [];
  let size = 0;
  for (const link of links) {
    const partitions = link.mirrors.reduce((n, m) => n + m.partitions.length, 0);
    if (batch.length > 0 && size + partitions > limit) {
      batches.push(batch);
      batch = [];
      size = 0;
    }
    batch.push(link);
    size += partitions;
  }
  if (batch.length > 0 || batches.length === 0) batches.push(batch);
  return batches;
}
