import "server-only";
import { MirrorActionResponseSchema, type MirrorActionResponse } from "@/lib/api/actions";
import { ConfluentError } from "@/lib/confluent/errors";
import type { MirrorActionsApi } from "@/lib/confluent/mirror-actions";
import {
  alignResults,
  outcomeOf,
  summarizeResults,
  type BatchOutcome,
  type TopicActionResult,
  type TopicErrorCode,
} from "@/lib/domain/actions/action-results";
import { chunk, MAX_TOPICS_PER_UPSTREAM_CALL } from "@/lib/domain/actions/batching";
import { MIRROR_ACTIONS, type MirrorActionName } from "@/lib/domain/actions/mirror-actions";
import type { AuditHandle, AuditIntent, AuditLog } from "../audit/audit-log";
import { ApiError } from "../http/api-error";
import { apiErrorFromConfluent } from "../http/confluent-error-to-api";
import type { Actor } from "../http/mutation-guard";
import { AuditUnavailableError } from "../store/errors";
import { type IdempotencyStore, type IdempotentOutcome, IdempotentRuns } from "./idempotency";
import { holdLink, type LinkHold, type LinkLeaseStore } from "./link-leases";
import { toUpstreamAnswer, vendorActionOf } from "./vendor-action";

/*
 * Runs one mirror action request: idempotency and one action at a time per link (both shared by every replica through
 * the store), the audit intent before anything is sent, batches of at most 100 topics sent one after another (never retried), exactly one result per topic, the
 * audit outcome, and a fresh fleet snapshot afterwards.
 */

export const MIRROR_ACTIONS_ROUTE = "POST /api/clusters/{cluster}/links/{link}/mirrors/actions";

export interface MirrorActionCommand {
  cluster: string;
  link: string;
  action: MirrorActionName;
  topics: readonly string[];
  validateOnly: boolean;
  idempotencyKey: string | null;
  actor: Actor;
}

export interface MirrorActionServiceDeps {
  isConfigured(cluster: string): boolean;
  actionsFor(cluster: string): MirrorActionsApi;
  audit: Pick<AuditLog, "begin" | "record">;
  /** Link leases and idempotency keys. */
  store: LinkLeaseStore & IdempotencyStore;
  /** This replica, named in a 409 ("… on replica web-2/41"). */
  replica: string;
  leaseMs?: number;
  /** Drops the cached fleet snapshot after a real change. */
  invalidate(): void;
  now?: () => number;
  batchSize?: number;
  log?: (line: string) => void;
}

export interface MirrorActionAnswer {
  response: MirrorActionResponse;
  /** Answered from an earlier identical request with the same idempotency key. */
  replayed: boolean;
}

const utcTime = (ms: number) => new Date(ms).toISOString().slice(11, 19);

/** A batch that failed as a whole, told per topic; a timeout on a change is the one case where nobody knows the effect. */
function failedBatch(topics: readonly string[], err: unknown, cluster: string, validateOnly: boolean): BatchOutcome {
  if (!(err instanceof ConfluentError)) {
    return {
      kind: "failed",
      topics,
      errorCode: "upstream-error",
      message: "Linkscope failed while sending this batch; the server log has the details.",
    };
  }
  const mapped = apiErrorFromConfluent(err, cluster);
  const code: TopicErrorCode =
    mapped.code === "cluster-unreachable" || mapped.code === "upstream-timeout" || mapped.code === "not-found"
      ? mapped.code
      : "upstream-error";
  const unknownEffect =
    code === "upstream-timeout" && !validateOnly
      ? " The cluster may or may not have applied it: check the mirrors' state before trying again."
      : "";
  return { kind: "failed", topics, errorCode: code, message: `${err.message}${unknownEffect}` };
}

/** For the record: what an accepted topic cost (data a failover abandoned, messages truncated). */
function costNote(cmd: Pick<MirrorActionCommand, "action" | "validateOnly">, r: TopicActionResult): string | undefined {
  const n = (v: number) => v.toLocaleString("en-US");
  if (!r.ok) return undefined;
  if (cmd.action === "truncate-and-restore" && r.messagesTruncated != null) {
    return `${cmd.validateOnly ? "would truncate" : "truncated"} ${n(r.messagesTruncated)} messages`;
  }
  if (cmd.action === "failover" && r.totalLag)
    return `${cmd.validateOnly ? "would abandon" : "abandoned"} ${n(r.totalLag)} messages not yet mirrored`;
  if (cmd.action === "promote" && r.totalLag) return `${n(r.totalLag)} messages still to copy before it stops`;
  return undefined;
}

const AUDIT_UNAVAILABLE_MESSAGE =
  "Linkscope cannot write its audit log, so it changes nothing (the server log says why: usually a full disk, file permissions or the database being unreachable). Fix that, or use the Confluent CLI commands the runbook shows.";

export class MirrorActionService {
  private readonly now: () => number;
  private readonly batchSize: number;
  private readonly leaseMs: number;
  private readonly idempotency: IdempotentRuns<MirrorActionResponse>;
  private readonly log: (line: string) => void;

  constructor(private readonly deps: MirrorActionServiceDeps) {
    this.now = deps.now ?? Date.now;
    this.batchSize = deps.batchSize ?? MAX_TOPICS_PER_UPSTREAM_CALL;
    this.leaseMs = deps.leaseMs ?? 30_000;
    this.log = deps.log ?? ((line) => console.error(line));
    this.idempotency = new IdempotentRuns<MirrorActionResponse>({
      store: deps.store,
      owner: deps.replica,
      leaseMs: this.leaseMs,
      now: this.now,
      warn: this.log,
      parse: (stored) => {
        const parsed = MirrorActionResponseSchema.safeParse(stored);
        return parsed.success ? parsed.data : null;
      },
    });
  }

  /** The shared store is down: refuse, having sent nothing. */
  private unavailable(cmd: MirrorActionCommand, err: AuditUnavailableError): ApiError {
    this.log(`linkscope: refused a ${cmd.action} on ${cmd.cluster}/${cmd.link}: the audit log cannot be written (${err.message})`);
    return new ApiError("audit-unavailable", AUDIT_UNAVAILABLE_MESSAGE);
  }

  private intent(cmd: MirrorActionCommand): AuditIntent {
    return {
      user: cmd.actor.user,
      role: cmd.actor.role,
      action: cmd.action,
      route: MIRROR_ACTIONS_ROUTE,
      target: `${cmd.cluster}/${cmd.link}`,
      cluster: cmd.cluster,
      link: cmd.link,
      validateOnly: cmd.validateOnly,
      parameters: {
        topics: [...cmd.topics],
        ...(cmd.idempotencyKey ? { idempotencyKey: cmd.idempotencyKey } : {}),
      },
    };
  }

  async run(cmd: MirrorActionCommand): Promise<MirrorActionAnswer> {
    if (!cmd.idempotencyKey) return { response: await this.execute(cmd), replayed: false };
    const key = `${cmd.actor.user}\n${cmd.idempotencyKey}`;
    const fingerprint = JSON.stringify([cmd.cluster, cmd.link, cmd.action, cmd.validateOnly, cmd.topics]);
    let outcome: IdempotentOutcome<MirrorActionResponse>;
    try {
      outcome = await this.idempotency.run(key, fingerprint, () => this.execute(cmd));
    } catch (err) {
      throw err instanceof AuditUnavailableError ? this.unavailable(cmd, err) : err;
    }
    if (outcome.kind === "mismatch") {
      throw new ApiError(
        "conflict",
        `The idempotency key "${cmd.idempotencyKey}" was already used for a different request in the last 10 minutes; use a new key for a new request.`,
      );
    }
    if (outcome.kind === "still-running") {
      throw new ApiError(
        "conflict",
        `The request with idempotency key "${cmd.idempotencyKey}" is still running; ask again in a minute for its answer.`,
      );
    }
    if (outcome.kind === "ran") return { response: outcome.answer, replayed: false };
    await this.deps.audit.record(this.intent(cmd), {
      outcome: "duplicate",
      error: `Answered from the earlier identical request (audit entry ${outcome.answer.auditId ?? "unknown"}); nothing was sent to the cluster.`,
      results: [],
    });
    return { response: outcome.answer, replayed: true };
  }

  private async execute(cmd: MirrorActionCommand): Promise<MirrorActionResponse> {
    if (!this.deps.isConfigured(cmd.cluster)) throw new ApiError("not-found", `No cluster named "${cmd.cluster}" is configured.`);
    const label = MIRROR_ACTIONS[cmd.action].label.toLowerCase();
    const startedAt = this.now();
    let lock: LinkHold;
    try {
      lock = await holdLink(
        { store: this.deps.store, owner: this.deps.replica, leaseMs: this.leaseMs, now: this.now, warn: this.log },
        `${cmd.cluster}\n${cmd.link}`,
        `${cmd.actor.user} started a ${cmd.validateOnly ? "dry run of " : ""}${label} of ${cmd.topics.length} topic${cmd.topics.length === 1 ? "" : "s"} at ${utcTime(startedAt)} UTC on replica ${this.deps.replica}`,
      );
    } catch (err) {
      throw err instanceof AuditUnavailableError ? this.unavailable(cmd, err) : err;
    }
    if (!lock.ok) {
      throw new ApiError(
        "conflict",
        `Another action is running on link ${cmd.link} of ${cmd.cluster} (${lock.heldBy}); wait for it to finish, then try again.`,
      );
    }
    try {
      let audit: AuditHandle;
      try {
        audit = await this.deps.audit.begin(this.intent(cmd));
      } catch (err) {
        throw err instanceof AuditUnavailableError ? this.unavailable(cmd, err) : err;
      }
      const { batches, calls } = await this.sendBatches(cmd);
      const results = alignResults(cmd.topics, batches);
      const finishedAt = this.now();
      const outcome = outcomeOf(results);
      const audited = await audit.finish({
        outcome,
        error: null,
        results: results.map((r) => {
          const message = r.message ?? costNote(cmd, r);
          return { name: r.topic, ok: r.ok, ...(r.errorCode ? { errorCode: r.errorCode } : {}), ...(message ? { message } : {}) };
        }),
      });
      if (!cmd.validateOnly && calls > 0) this.deps.invalidate();
      return {
        action: cmd.action,
        validateOnly: cmd.validateOnly,
        results,
        summary: summarizeResults(results),
        outcome,
        batches: calls,
        auditId: audit.id,
        startedAt: new Date(startedAt).toISOString(),
        finishedAt: new Date(finishedAt).toISOString(),
        warning: audited ? null : "The outcome could not be written to the audit log; the server log and its JSON line on stdout have it.",
      };
    } finally {
      await lock.release();
    }
  }

  /** One batch after another; after a batch fails as a whole, the rest are not sent (that cluster is in trouble). */
  private async sendBatches(cmd: MirrorActionCommand): Promise<{ batches: BatchOutcome[]; calls: number }> {
    const api = this.deps.actionsFor(cmd.cluster);
    const vendorAction = vendorActionOf(cmd.action);
    const batches: BatchOutcome[] = [];
    let calls = 0;
    let stopped: string | null = null;
    for (const topics of chunk(cmd.topics, this.batchSize)) {
      if (stopped !== null) {
        batches.push({ kind: "not-sent", topics, message: `Not sent: an earlier batch failed (${stopped}).` });
        continue;
      }
      calls += 1;
      try {
        const outcome = await api.run(
          cmd.link,
          vendorAction,
          { topics },
          {
            validateOnly: cmd.validateOnly,
            includePartitionLevelTruncationData: cmd.action === "truncate-and-restore",
          },
        );
        batches.push({ kind: "answered", topics, answers: outcome.results.map(toUpstreamAnswer) });
      } catch (err) {
        if (!(err instanceof ConfluentError))
          this.log(`linkscope: unexpected ${err instanceof Error ? err.name : typeof err} while sending a mirror action batch`);
        const failed = failedBatch(topics, err, cmd.cluster, cmd.validateOnly);
        batches.push(failed);
        stopped = failed.kind === "failed" ? failed.errorCode : "error";
      }
    }
    return { batches, calls };
  }
}
