import "server-only";
import { isConfluentError } from "@/lib/confluent/errors";

/** The vendor's answer while the destination's INBOUND half has not propagated yet (reference §9, trap 12). */
const PARTNER_MISSING = /does not have a link named/i;

export function isPartnerMissing(err: unknown): boolean {
  return isConfluentError(err, "bad-request") && PARTNER_MISSING.test(err.message);
}

export interface PartnerWaitOptions {
  /** Total time allowed, 30 s as kcp does. */
  budgetMs?: number;
  /** Delay before the second attempt; doubles per attempt up to `maxDelayMs`. */
  firstDelayMs?: number;
  maxDelayMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Called after every failed attempt that will be retried (attempt number from 1, the delay before the next). */
  onRetry?: (attempt: number, delayMs: number, err: unknown) => void;
}

export const PARTNER_WAIT_BUDGET_MS = 30_000;

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Creates the SOURCE half of a source-initiated link, retrying only the "does not have a link named" answer, with
 * back-off, for at most `budgetMs`. Any other failure, and the last ordering failure, is thrown as is. Mutations are
 * otherwise never retried: this one is safe because the vendor refused it without creating anything.
 */
export async function createWaitingForPartner(
  attempt: () => Promise<void>,
  {
    budgetMs = PARTNER_WAIT_BUDGET_MS,
    firstDelayMs = 500,
    maxDelayMs = 4_000,
    now = Date.now,
    sleep = realSleep,
    onRetry,
  }: PartnerWaitOptions = {},
): Promise<{ attempts: number }> {
  const started = now();
  let delay = firstDelayMs;
  for (let attempts = 1; ; attempts++) {
    try {
      await attempt();
      return { attempts };
    } catch (err) {
      const elapsed = now() - started;
      if (!isPartnerMissing(err) || elapsed + delay > budgetMs) throw Object.assign(err as object, { attempts });
      onRetry?.(attempts, delay, err);
      await sleep(delay);
      delay = Math.min(delay * 2, maxDelayMs);
    }
  }
}

/** How many calls a failed `createWaitingForPartner` made (1 when it failed without retrying). */
export function attemptsOf(err: unknown): number {
  const n = (err as { attempts?: unknown } | null)?.attempts;
  return typeof n === "number" ? n : 1;
}
