import "server-only";
import { AuditUnavailableError } from "../store/errors";
import type { SharedStore } from "../store/types";
import { RateLimiter } from "./rate-limit";

/*
 * A fixed-window limit counted in the shared store, so a guesser or a runaway script spread over replicas meets one
 * limit. When the store is down, `fallback: "local"` counts in this process instead (sign-in must keep working for
 * people who only read); `fallback: "refuse"` rethrows AuditUnavailableError (a mutation is refused anyway then).
 */
export class SharedRateLimiter {
  private readonly local: RateLimiter;

  constructor(
    private readonly options: {
      store: () => Pick<SharedStore, "countAttempt">;
      limit: number;
      windowMs: number;
      fallback: "local" | "refuse";
      now?: () => number;
      warn?: (line: string) => void;
    },
  ) {
    this.local = new RateLimiter(options.limit, options.windowMs, options.now);
  }

  /** Counts one attempt; the seconds to wait when over the limit, else 0. */
  async hit(key: string): Promise<number> {
    const { limit, windowMs } = this.options;
    const t = (this.options.now ?? Date.now)();
    try {
      const w = await this.options.store().countAttempt(key, windowMs, t);
      return w.count > limit ? Math.max(1, Math.ceil((w.windowStart + windowMs - t) / 1000)) : 0;
    } catch (err) {
      if (!(err instanceof AuditUnavailableError) || this.options.fallback === "refuse") throw err;
      (this.options.warn ?? console.warn)(`linkscope: counting sign-in attempts in this process only (${err.message})`);
      return this.local.hit(key);
    }
  }
}
