import { compareStrings } from "../compare";
import { hostsMirrors } from "../links/link-modes";
import {
  addPartitionStates,
  compareMirrorStatusSeverity,
  derivePartitionStates,
  emptyPartitionStates,
  isMirrorInError,
  isMirrorStopped,
  partitionStatesFromCategoryCounts,
} from "../mirrors/mirror-states";
import type { LinkHalfObservation, MirrorSummary, PartitionStates, PartitionStatesSource } from "../types";

export interface MirrorInError {
  /** The cluster hosting the mirror topic. */
  cluster: string;
  name: string;
  status: string;
}

/** A link's mirror figures, summed over every visible half that hosts mirrors (both halves when bidirectional). */
export interface LinkMirrorFigures {
  mirrorCount: number;
  partitionStates: PartitionStates;
  partitionStatesSource: PartitionStatesSource;
  maxLag: number | null;
  totalLag: number | null;
  /** Worst first. */
  mirrorsInError: MirrorInError[];
}

function partitionStatesOf(half: LinkHalfObservation): PartitionStates {
  if (half.categoryCounts !== null) return partitionStatesFromCategoryCounts(half.categoryCounts);
  if (half.mirrors !== null) return derivePartitionStates(half.mirrors);
  return emptyPartitionStates();
}

/**
 * Lag over the mirrors that still mirror. STOPPED mirrors are regular topics after a promote or failover; a lag
 * they still carry describes the past. `null` when any hosting half's mirrors are unknown, so that a partial
 * sum is never shown as the link's lag.
 */
function lagOf(hosting: readonly LinkHalfObservation[]): Pick<LinkMirrorFigures, "maxLag" | "totalLag"> {
  const unknown = { maxLag: null, totalLag: null };
  if (hosting.length === 0 || hosting.some((half) => half.mirrors === null)) return unknown;
  const mirroring: MirrorSummary[] = hosting.flatMap((half) => half.mirrors ?? []).filter((mirror) => !isMirrorStopped(mirror.status));
  const maxLags = mirroring.flatMap((m) => (m.maxLag === null ? [] : [m.maxLag]));
  const totalLags = mirroring.flatMap((m) => (m.totalLag === null ? [] : [m.totalLag]));
  return {
    // reduce, not Math.max(...): a spread of a very large fleet's lags would overflow the call stack.
    maxLag: maxLags.length === 0 ? null : maxLags.reduce((max, lag) => Math.max(max, lag)),
    totalLag: totalLags.length === 0 ? null : totalLags.reduce((sum, lag) => sum + lag, 0),
  };
}

function mirrorsInErrorOf(hosting: readonly LinkHalfObservation[]): MirrorInError[] {
  return hosting
    .flatMap((half) =>
      (half.mirrors ?? [])
        .filter((mirror) => isMirrorInError(mirror.status))
        .map((mirror) => ({ cluster: half.cluster, name: mirror.name, status: mirror.status })),
    )
    .sort(
      (a, b) => compareMirrorStatusSeverity(a.status, b.status) || compareStrings(a.cluster, b.cluster) || compareStrings(a.name, b.name),
    );
}

export function mirrorFiguresOf(halves: readonly LinkHalfObservation[]): LinkMirrorFigures {
  const hosting = halves.filter(hostsMirrors);
  const reported = hosting.length > 0 && hosting.every((half) => half.categoryCounts !== null);
  return {
    mirrorCount: hosting.reduce((sum, half) => sum + (half.mirrors?.length ?? half.topicNames.length), 0),
    partitionStates: addPartitionStates(...hosting.map(partitionStatesOf)),
    // One half derived makes the sum derived: the label must never claim more than the data holds.
    partitionStatesSource: reported ? "reported" : "derived",
    ...lagOf(hosting),
    mirrorsInError: mirrorsInErrorOf(hosting),
  };
}
