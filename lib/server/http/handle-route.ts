import "server-only";
import { NextResponse } from "next/server";
import { ConfigError } from "@/lib/config/load";
import { ConfluentError } from "@/lib/confluent/errors";
import { ApiError, errorResponse } from "./api-error";
import { apiErrorFromConfluent } from "./confluent-error-to-api";

/**
 * Wraps a route handler so that every failure leaves as the documented JSON envelope: never a stack trace,
 * never an HTML error page. Unexpected errors are logged by name only (their messages may carry upstream text).
 */
export function handleRoute<Args extends unknown[]>(handler: (...args: Args) => Promise<Response>): (...args: Args) => Promise<Response> {
  return async (...args: Args) => {
    try {
      return await handler(...args);
    } catch (err) {
      if (err instanceof ApiError) return errorResponse(err.code, err.message, err.details);
      if (err instanceof ConfluentError) {
        const mapped = apiErrorFromConfluent(err, "the cluster");
        return errorResponse(mapped.code, mapped.message, mapped.details);
      }
      if (err instanceof ConfigError) {
        return errorResponse("internal-error", "Linkscope's config file is invalid; the server log lists each problem.");
      }
      console.error(`linkscope: unexpected ${err instanceof Error ? err.name : typeof err} in route handler`);
      return errorResponse("internal-error", "Linkscope hit an unexpected error; the server log has the details.");
    }
  };
}

export function jsonNoStore<T>(body: T, init?: ResponseInit): NextResponse<T> {
  return NextResponse.json(body, { ...init, headers: { "Cache-Control": "no-store", ...init?.headers } });
}
