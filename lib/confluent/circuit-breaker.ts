import "server-only";
import { ConfluentError } from "./errors";

export interface CircuitBreakerOptions {
  /** Consecutive connection failures (unreachable or timeout) before failing fast. Default 3. */
  failureThreshold?: number;
  /** How long to fail fast before letting one probe request through. Default 5000 ms. */
  coolDownMs?: number;
  now?: () => number;
}

/**
 * Keeps a dead cluster from slowing every refresh: after repeated connection failures, requests fail at once with
 * the last error until the cool-down ends; then a single probe decides whether the cluster is back.
 */
export class CircuitBreaker {
  private failures = 0;
  private openUntil = 0;
  private probing = false;
  private lastError: ConfluentError | null = null;
  private readonly threshold: number;
  private readonly coolDownMs: number;
  private readonly now: () => number;

  constructor(options: CircuitBreakerOptions = {}) {
    this.threshold = options.failureThreshold ?? 3;
    this.coolDownMs = options.coolDownMs ?? 5_000;
    this.now = options.now ?? Date.now;
  }

  /** Throws when the cluster is being skipped; otherwise the caller must report the outcome. */
  admit(): void {
    if (this.failures < this.threshold || !this.lastError) return;
    if (this.now() >= this.openUntil && !this.probing) {
      this.probing = true;
      return;
    }
    const last = this.lastError;
    const seconds = Math.max(1, Math.ceil((this.openUntil - this.now()) / 1000));
    throw new ConfluentError(
      last.kind,
      `${last.message.replace(/\.$/, "")}; not retrying for ${seconds} s after ${this.failures} failed attempts in a row.`,
      { ...(last.status === undefined ? {} : { status: last.status }), retriable: true },
    );
  }

  /** The server answered (any HTTP status). */
  succeeded(): void {
    this.failures = 0;
    this.probing = false;
    this.lastError = null;
  }

  connectionFailed(error: ConfluentError): void {
    this.failures++;
    this.probing = false;
    this.lastError = error;
    if (this.failures >= this.threshold) this.openUntil = this.now() + this.coolDownMs;
  }

  /** The request ended without telling anything about the server (e.g. the caller aborted it). */
  abandoned(): void {
    this.probing = false;
  }
}
