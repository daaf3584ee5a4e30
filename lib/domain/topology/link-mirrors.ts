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

/** What one half's mirror list says, computed once per list (a reading's list never changes). */
interface HalfMirrorFigures {
  derivedStates: PartitionStates;
  /** Over the mirrors that still mirror and report a lag; null when none does. */
  maxLag: number | null;
  totalLag: number | null;
  inError: readonly { name: string; status: string }[];
}

// Each cluster's reading lands on its own, and the topology is derived again after each: summing every mirror of the
// fleet each time made a derivation grow with the fleet. A list's figures are computed once and reused.
const figuresByList = new WeakMap<readonly MirrorSummary[], HalfMirrorFigures>();

function halfFiguresOf(mirrors: readonly MirrorSummary[]): HalfMirrorFigures {
  const known = figuresByList.get(mirrors);
  if (known) return known;
  let maxLag: number | null = null;
  let totalLag: number | null = null;
  const inError: { name: string; status: string }[] = [];
  for (const m of mirrors) {
    if (isMirrorInError(m.status)) inError.push({ name: m.name, status: m.status });
    // STOPPED mirrors are regular topics after a promote or failover; a lag they still carry describes the past.
    if (isMirrorStopped(m.status)) continue;
    if (m.maxLag !== null) maxLag = maxLag === null ? m.maxLag : Math.max(maxLag, m.maxLag);
    if (m.totalLag !== null) totalLag = (totalLag ?? 0) + m.totalLag;
  }
  const figures = { derivedStates: derivePartitionStates(mirrors), maxLag, totalLag, inError };
  figuresByList.set(mirrors, figures);
  return figures;
}

function partitionStatesOf(half: LinkHalfObservation): PartitionStates {
  if (half.categoryCounts !== null) return partitionStatesFromCategoryCounts(half.categoryCounts);
  if (half.mirrors !== null) return halfFiguresOf(half.mirrors).derivedStates;
  return emptyPartitionStates();
}

/**
 * Lag over the mirrors that still mirror. `null` when any hosting half's mirrors are unknown, so that a partial sum is
 * never shown as the link's lag.
 */
function lagOf(hosting: readonly LinkHalfObservation[]): Pick<LinkMirrorFigures, "maxLag" | "totalLag"> {
  let maxLag: number | null = null;
  let totalLag: number | null = null;
  if (hosting.length === 0) return { maxLag, totalLag };
  for (const half of hosting) {
    if (half.mirrors === null) return { maxLag: null, totalLag: null };
    const f = halfFiguresOf(half.mirrors);
    if (f.maxLag !== null) maxLag = maxLag === null ? f.maxLag : Math.max(maxLag, f.maxLag);
    if (f.totalLag !== null) totalLag = (totalLag ?? 0) + f.totalLag;
  }
  return { maxLag, totalLag };
}

function mirrorsInErrorOf(hosting: readonly LinkHalfObservation[]): MirrorInError[] {
  return hosting
    .flatMap((half) => (half.mirrors === null ? [] : halfFiguresOf(half.mirrors).inError.map((m) => ({ cluster: half.cluster, ...m }))))
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
