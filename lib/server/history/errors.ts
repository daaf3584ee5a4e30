import "server-only";

/** The history store could not be opened or created: lag history is off until the cause is fixed. */
export class HistoryUnavailableError extends Error {
  override name = "HistoryUnavailableError";
}

/** A query would answer more points than the API allows; the message says how to narrow it. */
export class TooManyPointsError extends Error {
  override name = "TooManyPointsError";
}

/** The configured backend cannot provide what was asked (e.g. a metric Prometheus does not have). */
export class UnsupportedHistoryQueryError extends Error {
  override name = "UnsupportedHistoryQueryError";
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}

/** Prometheus was unreachable, slow or answered something that is not a query result. */
export class PrometheusError extends Error {
  override name = "PrometheusError";
  constructor(
    readonly kind: "unreachable" | "timeout" | "bad-answer" | "query-error",
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}
