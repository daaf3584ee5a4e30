import "server-only";
import type { LinkTaskErrorWire, MirrorLagWire } from "./schemas/common";
import type { LinkTaskError, MirrorLag } from "./types";

/** Lags keyed by partition (never by array position), sorted by partition. */
export function toLags(wire: readonly MirrorLagWire[] | null | undefined): MirrorLag[] {
  return (wire ?? [])
    .map((l) => ({ partition: l.partition, lag: l.lag, lastSourceFetchOffset: l.last_source_fetch_offset ?? -1 }))
    .sort((a, b) => a.partition - b.partition);
}

export function toTaskErrors(wire: readonly LinkTaskErrorWire[] | null | undefined): LinkTaskError[] {
  return (wire ?? []).map((e) => ({ code: e.error_code, message: e.error_message ?? "" }));
}

/** Absent and NO_ERROR both mean healthy. */
export function errorOrNull(value: string | null | undefined): string | null {
  return value && value !== "NO_ERROR" ? value : null;
}
