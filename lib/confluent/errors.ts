import "server-only";

export type ConfluentErrorKind =
  | "unreachable"
  | "timeout"
  | "unauthorized"
  | "forbidden"
  | "not-found"
  | "conflict"
  | "bad-request"
  | "unsupported"
  | "upstream"
  | "malformed";

const RETRIABLE: ReadonlySet<ConfluentErrorKind> = new Set(["unreachable", "timeout", "upstream"]);

export interface ConfluentErrorOptions {
  status?: number;
  /** The vendor's numeric `error_code` from an Error body, e.g. 40101. */
  errorCode?: number;
  retriable?: boolean;
  cause?: unknown;
}

/**
 * Every failure of the Confluent REST client. `message` is one sentence a person can act on; it never contains
 * credentials, Authorization headers or config values that were sent.
 */
export class ConfluentError extends Error {
  override readonly name = "ConfluentError";
  readonly kind: ConfluentErrorKind;
  readonly status?: number;
  readonly errorCode?: number;
  readonly retriable: boolean;

  constructor(kind: ConfluentErrorKind, message: string, options: ConfluentErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.kind = kind;
    if (options.status !== undefined) this.status = options.status;
    if (options.errorCode !== undefined) this.errorCode = options.errorCode;
    this.retriable = options.retriable ?? RETRIABLE.has(kind);
  }
}

export function isConfluentError(value: unknown, kind?: ConfluentErrorKind): value is ConfluentError {
  return value instanceof ConfluentError && (kind === undefined || value.kind === kind);
}

/** Replaces every occurrence of a secret with `***` (secrets shorter than 4 characters are too ambiguous to scrub). */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join("***");
  return out;
}
