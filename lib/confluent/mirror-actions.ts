import "server-only";
import type { ApiContext } from "./context";
import { ConfluentError, isConfluentError } from "./errors";
import { toLags } from "./normalize-common";
import { apiPaths } from "./paths";
import { collectionSchema } from "./schemas/common";
import { AlterMirrorStatusSchema, type AlterMirrorStatus } from "./schemas/mirror-actions";
import type { MirrorAction, MirrorActionOutcome, MirrorActionResult, MirrorSelection } from "./types";

export interface MirrorActionOptions {
  validateOnly?: boolean;
  /** truncate-and-restore only: per-partition truncation detail. */
  includePartitionLevelTruncationData?: boolean;
}

export interface MirrorActionsApi {
  /**
   * POST …/mirrors:<action>. HTTP 200 comes back even when some topics failed: check each result's `accepted`.
   * Acceptance is asynchronous; poll the mirrors for the target state.
   */
  run(linkName: string, action: MirrorAction, selection: MirrorSelection, options?: MirrorActionOptions): Promise<MirrorActionOutcome>;
}

/** Confluent Platform up to mid-2024 (and CC briefly in Oct 2023) served the reverse actions under these names. */
const LEGACY_ENDPOINT: Partial<Record<MirrorAction, string>> = {
  "reverse-and-start-mirror": "promote-local-and-start-remote-mirror",
  "reverse-and-pause-mirror": "promote-local-and-pause-remote-mirror",
};

const ActionResponseSchema = collectionSchema(AlterMirrorStatusSchema);

export function createMirrorActionsApi(ctx: ApiContext): MirrorActionsApi {
  const { transport } = ctx;
  let preferLegacy = false;

  async function post(linkName: string, endpoint: string, selection: MirrorSelection, query: Record<string, boolean | undefined>) {
    // The explicit list is portable: old Platform requires mirror_topic_names and knows no pattern.
    const body = "topics" in selection ? { mirror_topic_names: [...selection.topics] } : { mirror_topic_name_pattern: selection.pattern };
    const path = apiPaths.mirrorAction(await ctx.clusterId(), linkName, endpoint);
    const res = await transport.json({ method: "POST", path, query, body }, ActionResponseSchema);
    return res.data.map(toActionResult);
  }

  return {
    async run(linkName, action, selection, options = {}) {
      const query = {
        validate_only: options.validateOnly,
        ...(action === "truncate-and-restore"
          ? { include_partition_level_truncation_data: options.includePartitionLevelTruncationData }
          : {}),
      };
      const legacy = LEGACY_ENDPOINT[action];
      const outcome = (endpoint: string, results: MirrorActionResult[]): MirrorActionOutcome => ({
        action,
        endpoint,
        validateOnly: options.validateOnly ?? false,
        results,
      });

      const legacyNeedsNames = () =>
        new ConfluentError(
          "unsupported",
          `${transport.origin} only serves the older ${legacy} action, which needs explicit topic names, not a pattern.`,
        );
      if (legacy && preferLegacy) {
        if (!("topics" in selection)) throw legacyNeedsNames();
        return outcome(legacy, await post(linkName, legacy, selection, query));
      }
      try {
        return outcome(action, await post(linkName, action, selection, query));
      } catch (err) {
        if (!(legacy && isConfluentError(err) && err.status === 404)) throw asUnsupported(err, action, transport.origin);
        if (!("topics" in selection)) throw legacyNeedsNames();
        try {
          const results = await post(linkName, legacy, selection, query);
          preferLegacy = true;
          return outcome(legacy, results);
        } catch (legacyErr) {
          // Both names missing: the first error is the one about the current API.
          throw isConfluentError(legacyErr) && legacyErr.status === 404 ? asUnsupported(err, action, transport.origin) : legacyErr;
        }
      }
    },
  };
}

/** A 404 without a vendor error body means the route itself is missing: an older server without this action. */
function asUnsupported(err: unknown, action: MirrorAction, origin: string): unknown {
  if (!(err instanceof ConfluentError) || err.status !== 404 || err.errorCode !== undefined) return err;
  return new ConfluentError(
    "unsupported",
    `${origin} does not serve the ${action} mirror action (HTTP 404); the server version may be too old for it.`,
    {
      status: 404,
    },
  );
}

export function toActionResult(r: AlterMirrorStatus): MirrorActionResult {
  const errorCode = r.error_code ?? null;
  const errorMessage = r.error_message ?? null;
  return {
    mirrorTopicName: r.mirror_topic_name,
    errorCode,
    errorMessage,
    accepted: errorCode === null && !errorMessage,
    lags: toLags(r.mirror_lags),
    messagesTruncated: r.messages_truncated ?? null,
    partitionTruncation: (r.partition_level_truncation_data ?? []).map((p) => ({
      partition: p.partition_id,
      offsetTruncatedTo: p.offset_truncated_to,
      messagesTruncated: p.messages_truncated,
    })),
  };
}
