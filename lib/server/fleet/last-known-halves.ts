import type { LinkHalfObservation } from "@/lib/domain/types";
import type { ClusterReading } from "./read-cluster";

/**
 * The link halves each cluster reported when it last answered. When the only cluster hosting a link goes down (DR in
 * the middle of an incident), its links stay on the graph, marked UNKNOWN, instead of vanishing; the topology's
 * reachability rules then roll them up as UNAVAILABLE and say which cluster cannot be reached.
 */
export class LastKnownHalves {
  private readonly byCluster = new Map<string, LinkHalfObservation[]>();

  halvesFor(reading: ClusterReading): LinkHalfObservation[] {
    const { name, status } = reading.observation;
    if (status === "ok") {
      this.byCluster.set(name, reading.halves);
      return reading.halves;
    }
    // Only what is still meaningful: which link, which way. State, errors, tasks and lag are unknown now.
    return (this.byCluster.get(name) ?? []).map((half) => ({
      ...half,
      state: "UNKNOWN",
      error: null,
      errorMessage: null,
      tasks: null,
      categoryCounts: null,
      mirrors: null,
    }));
  }
}
