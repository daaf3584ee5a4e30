/** Faults a DR drill needs: clusters going down, networks splitting, credentials rotating. */
import type { ClusterState, Credentials } from "./types";
import type { World } from "./world";

export function setClusterUp(world: World, cluster: ClusterState, up: boolean, at: number): void {
  if (cluster.up === up) return;
  cluster.up = up;
  // A stopped cluster takes no writes and runs no fetchers.
  for (const topic of cluster.topics.values()) world.refreshLogMode(topic, at);
  world.recomputeHealth(at);
}

export function setNetworkCut(world: World, a: ClusterState, b: ClusterState, cut: boolean, at: number): void {
  world.setCut(a, b, cut);
  world.recomputeHealth(at);
}

export function rotateCredentials(
  world: World,
  cluster: ClusterState,
  change: { rest?: Credentials; kafka?: Credentials },
  at: number,
): void {
  if (change.rest) cluster.rest = { ...change.rest };
  if (change.kafka) {
    cluster.kafka = { ...change.kafka };
    world.recomputeHealth(at);
  }
}
