import "server-only";
import { keepRenewed } from "../store/renewal";
import type { SharedStore } from "../store/types";

/*
 * One action at a time per link, across every replica: a lease in the shared store, held by this replica and renewed
 * while the action runs. A second action while the first is running is refused, never queued behind it; a replica
 * that dies mid-action frees the link once its lease runs out.
 */

export type LinkLeaseStore = Pick<SharedStore, "acquireLease" | "renewLease" | "releaseLease">;

export interface LinkLeaseOptions {
  store: LinkLeaseStore;
  owner: string;
  leaseMs: number;
  now: () => number;
  warn: (line: string) => void;
}

export type LinkHold = { ok: true; release: () => Promise<void> } | { ok: false; heldBy: string };

/** Takes the link or says who holds it; throws AuditUnavailableError when the store cannot be reached. */
export async function holdLink(options: LinkLeaseOptions, key: string, description: string): Promise<LinkHold> {
  const { store, owner, leaseMs, now, warn } = options;
  // Each hold is its own owner, so two requests in one replica cannot both renew or release the same lease.
  const holder = `${owner}#${Math.random().toString(36).slice(2, 10)}`;
  const attempt = await store.acquireLease(key, { owner: holder, expiresAt: now() + leaseMs }, description, now());
  if (!attempt.ok) return attempt;
  const stop = keepRenewed(
    async () => {
      if (!(await store.renewLease(key, { owner: holder, expiresAt: now() + leaseMs }))) warn(`linkscope: the lease on ${key.replace("\n", "/")} was lost while its action ran`);
    },
    leaseMs / 3,
    warn,
  );
  let released = false;
  return {
    ok: true,
    release: async () => {
      if (released) return;
      released = true;
      stop();
      // Best effort: a lease that cannot be released runs out on its own.
      await store.releaseLease(key, holder).catch((err: unknown) => warn(`linkscope: could not release the lease on ${key.replace("\n", "/")} (${err instanceof Error ? err.message : String(err)}); it runs out on its own`));
    },
  };
}
