import "server-only";
import { NextResponse } from "next/server";
import { API_ERROR_STATUS, type ApiErrorBody, type ApiErrorCode } from "@/lib/api/error-body";

/** An error a route handler throws to answer with the documented envelope. */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "ApiError";
  }

  get status(): number {
    return API_ERROR_STATUS[this.code];
  }
}

export function errorResponse(code: ApiErrorCode, message: string, details?: unknown): NextResponse<ApiErrorBody> {
  const body: ApiErrorBody = { error: { code, message, ...(details === undefined ? {} : { details }) } };
  return NextResponse.json(body, { status: API_ERROR_STATUS[code], headers: { "Cache-Control": "no-store" } });
}
