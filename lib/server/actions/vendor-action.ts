import "server-only";
import type { MirrorAction, MirrorActionResult } from "@/lib/confluent/types";
import type { UpstreamTopicAnswer } from "@/lib/domain/actions/action-results";
import type { MirrorActionName } from "@/lib/domain/actions/mirror-actions";

/** Our action names are the CLI's; two REST paths differ (`mirrors:reverse-and-start-mirror`). */
const VENDOR_ACTION: Record<MirrorActionName, MirrorAction> = {
  pause: "pause",
  resume: "resume",
  promote: "promote",
  failover: "failover",
  "reverse-and-start": "reverse-and-start-mirror",
  "reverse-and-pause": "reverse-and-pause-mirror",
  "truncate-and-restore": "truncate-and-restore",
};

export function vendorActionOf(action: MirrorActionName): MirrorAction {
  return VENDOR_ACTION[action];
}

export function toUpstreamAnswer(r: MirrorActionResult): UpstreamTopicAnswer {
  return {
    topic: r.mirrorTopicName,
    accepted: r.accepted,
    errorCode: r.errorCode,
    errorMessage: r.errorMessage,
    lags: r.lags,
    messagesTruncated: r.messagesTruncated,
    partitions: r.partitionTruncation,
  };
}
