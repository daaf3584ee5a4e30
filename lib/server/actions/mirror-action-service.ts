import "server-only";
import type { MirrorActionResponse } from "@/lib/api/actions";
import { ConfluentError } from "@/lib/confluent/errors";
import type { MirrorActionsApi } from "@/lib/confluent/mirror-actions";
import { alignResults, outcomeOf, summarizeResults, type BatchOutcome, type TopicActionResult, type TopicErrorCode } from "@/lib/domain/action-results";
import { chunk, MAX_TOPICS_PER_UPSTREAM_CALL } from "@/lib/domain/batching";
import { MIRROR_ACTIONS, type MirrorActionName } from "@/lib/domain/mirror-actions";
import type { AuditHandle, AuditIntent, AuditLog } from "../audit/audit-log";
import { AuditUnavailableError } from "../audit/audit-store";
import { ApiError } from "../http/api-error";
import { apiErrorFromConfluent } from "../http/confluent-error-to-api";
import type { Actor } from "../http/mutation-guard";
import { IdempotencyCache } from "./idempotency";
import { LinkLocks } from "./link-locks";
import { toUpstreamAnswer, vendorActionOf } from "./vendor-action";

/*
 * Runs one mirror action request: idempotency, one action at a time per link, the audit intent before anything is
 * sent, batches of at most 100 topics sent one after another (never retried), exactly one result per topic, the
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
  /** Drops the cached fleet snapshot after a real change. */
  invalidate(): void;
  now?: () => number;
  batchSize?: number;
  locks?: LinkLocks;
  idempotency?: IdempotencyCache<MirrorActionResponse>;
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
    return { kind: "failed", topics, errorCode: "upstream-error", message: "Linkscope failed while sending this batch; the server log has the details." };
  }
  const mapped = apiErrorFromConfluent(err, cluster);
  const code: TopicErrorCode =
    mapped.code === "cluster-unreachable" || mapped.code === "upstream-timeout" || mapped.code === "not-found" ? mapped.code : "upstream-error";
  const unknownEffect =
    code === "upstream-timeout" && !validateOnly ? " The cluster may or may not have applied it: check the mirrors' state before trying again." : "";
  return { kind: "failed", topics, errorCode: code, message: `${err.message}${unknownEffect}` };
}

/** For the record: what an accepted topic cost (data a failover abandoned, messages truncated). */
function costNote(cmd: Pick<MirrorActionCommand, "action" | "validateOnly">, r: TopicActionResult): string | undefined {
  const n = (v: number) => v.toLocaleString("en-US");
  if (!r.ok) return undefined;
  if (cmd.action === "truncate-and-restore" && r.messagesTruncated != null) {
    return `${cmd.validateOnly ? "would truncate" : "truncated"} ${n(r.messagesTruncated)} messages`;
  }
  if (cmd.action === "failover" && r.totalLag) return `${cmd.validateOnly ? "would abandon" : "abandoned"} ${n(r.totalLag)} messages not yet mirrored`;
  if (cmd.action === "promote" && r.totalLag) return `${n(r.totalLag)} messages still to copy before it stops`;
  return undefined;
}

export class MirrorActionService {
  private readonly now: () => number;
  private readonly batchSize: number;
  private readonly locks: LinkLocks;
  private readonly idempotency: IdempotencyCache<MirrorActionResponse>;
  private readonly log: (line: string) => void;

  constructor(private readonly deps: MirrorActionServiceDeps) {
    this.now = deps.now ?? Date.now;
    this.batchSize = deps.batchSize ?? MAX_TOPICS_PER_UPSTREAM_CALL;
    this.locks = deps.locks ?? new LinkLocks();
    this.idempotency = deps.idempotency ?? new IdempotencyCache<MirrorActionResponse>(undefined, this.now);
    this.log = deps.log ?? ((line) => console.error(line));
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
    const found = this.idempotency.lookup(key, fingerprint);
    if (found.kind === "mismatch") {
      throw new ApiError(
        "conflict",
        `The idempotency key "${cmd.idempotencyKey}" was already used for a different request in the last 10 minutes; use a new key for a new request.`,
      );
    }
    if (found.kind === "hit") {
      const response = await found.answer;
      this.deps.audit.record(this.intent(cmd), {
        outcome: "duplicate",
        error: `Answered from the earlier identical request (audit entry ${response.auditId ?? "unknown"}); nothing was sent to the cluster.`,
        results: [],
      });
      return { response, replayed: true };
    }
    const answer = this.execute(cmd);
    this.idempotency.remember(key, fingerprint, answer);
    return { response: await answer, replayed: false };
  }

  private async execute(cmd: MirrorActionCommand): Promise<MirrorActionResponse> {
    if (!this.deps.isConfigured(cmd.cluster)) throw new ApiError("not-found", `No cluster named "${cmd.cluster}" is configured.`);
    const label = MIRROR_ACTIONS[cmd.action].label.toLowerCase();
    const startedAt = this.now();
    const lock = this.locks.tryAcquire(
      `${cmd.cluster}\n${cmd.link}`,
      `${cmd.actor.user} started a ${cmd.validateOnly ? "dry run of " : ""}${label} of ${cmd.topics.length} topic${cmd.topics.length === 1 ? "" : "s"} at ${utcTime(startedAt)} UTC`,
    );
    if (!lock.ok) {
      throw new ApiError("conflict", `Another action is running on link ${cmd.link} of ${cmd.cluster} (${lock.heldBy}); wait for it to finish, then try again.`);
    }
    try {
      let audit: AuditHandle;
      try {
        audit = this.deps.audit.begin(this.intent(cmd));
      } catch (err) {
        if (!(err instanceof AuditUnavailableError)) throw err;
        this.log(`linkscope: refused a ${label} on ${cmd.cluster}/${cmd.link}: the audit log cannot be written (${err.message})`);
        throw new ApiError(
          "audit-unavailable",
          "Linkscope cannot write its audit log, so it changes nothing (the server log says why: usually a full disk or file permissions). Fix that, or use the Confluent CLI commands the runbook shows.",
        );
      }
      const { batches, calls } = await this.sendBatches(cmd);
      const results = alignResults(cmd.topics, batches);
      const finishedAt = this.now();
      const outcome = outcomeOf(results);
      const audited = audit.finish({
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
      lock.release();
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
        const outcome = await api.run(cmd.link, vendorAction, { topics }, {
          validateOnly: cmd.validateOnly,
          includePartitionLevelTruncationData: cmd.action === "truncate-and-restore",
        });
        batches.push({ kind: "answered", topics, answers: outcome.results.map(toUpstreamAnswer) });
      } catch (err) {
        if (!(err instanceof ConfluentError)) this.log(`linkscope: unexpected ${err instanceof Error ? err.name : typeof err} while sending a mirror action batch`);
        const failed = failedBatch(topics, err, cmd.cluster, cmd.validateOnly);
        batches.push(failed);
        stopped = failed.kind === "failed" ? failed.errorCode : "error";
      }
    }
    return { batches, calls };
  }
}
