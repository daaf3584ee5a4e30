import "server-only";

/** One action at a time per link: a second one while the first is running is refused, never queued behind it. */
export class LinkLocks {
  private readonly held = new Map<string, string>();

  /** A release function, or the holder's description when someone else holds the lock. */
  tryAcquire(key: string, description: string): { ok: true; release: () => void } | { ok: false; heldBy: string } {
    const holder = this.held.get(key);
    if (holder !== undefined) return { ok: false, heldBy: holder };
    this.held.set(key, description);
    let released = false;
    return {
      ok: true,
      release: () => {
        if (released) return;
        released = true;
        this.held.delete(key);
      },
    };
  }

  isHeld(key: string): boolean {
    return this.held.has(key);
  }
}
