import "server-only";
import type { SharedStore, StorageBackend } from "./types";

export interface StorageHealth {
  backend: StorageBackend;
  /** Whether the store answered within the deadline: when false, reads work and every mutation is refused (503 audit-unavailable). */
  reachable: boolean;
}

/** Asks the store for a trivial answer; a load balancer's health probe must not hang on a database that does not answer. */
export async function storageHealth(store: SharedStore, deadlineMs = 2_000): Promise<StorageHealth> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), deadlineMs);
  });
  const reachable = await Promise.race([store.ping().then(() => true, () => false), late]);
  clearTimeout(timer);
  return { backend: store.backend, reachable };
}
