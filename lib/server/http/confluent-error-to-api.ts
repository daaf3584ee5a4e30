import "server-only";
import type { ConfluentError } from "@/lib/confluent/errors";
import { ApiError } from "./api-error";

/** How an upstream failure is told to our API's callers (shared/spec/http-api.md error codes). */
export function apiErrorFromConfluent(err: ConfluentError, clusterName: string): ApiError {
  const details = { cluster: clusterName, ...(err.status === undefined ? {} : { status: err.status }), ...(err.errorCode === undefined ? {} : { errorCode: err.errorCode }) };
  switch (err.kind) {
    case "unreachable":
      return new ApiError("cluster-unreachable", err.message, details);
    case "timeout":
      return new ApiError("upstream-timeout", err.message, details);
    case "not-found":
      return new ApiError("not-found", err.message, details);
    default:
      return new ApiError("upstream-error", err.message, details);
  }
}
