import "server-only";
import { ConfluentError, redact, type ConfluentErrorKind } from "./errors";
import { ErrorBodySchema } from "./schemas/common";

export interface HttpFailure {
  method: string;
  /** Origin of the REST endpoint (never with userinfo). */
  origin: string;
  /** Request path without the query string. */
  path: string;
  status: number;
  contentType: string;
  text: string;
  secrets: readonly string[];
}

const UNSUPPORTED_VERSION = 40035;

/** Maps a non-2xx answer to a ConfluentError whose message says what happened and what to do. */
export function errorFromResponse(f: HttpFailure): ConfluentError {
  const vendor = parseVendorError(f.text);
  const detail = vendorDetail(f, vendor?.message ?? null);
  const errorCode = vendor?.errorCode;
  const where = `${f.method} ${f.path}`;
  const opts = { status: f.status, ...(errorCode === undefined ? {} : { errorCode }) };
  const make = (kind: ConfluentErrorKind, message: string) => new ConfluentError(kind, message, opts);

  if (f.status === 401) return make("unauthorized", `${f.origin} rejected the credentials (HTTP 401${detail}).`);
  if (f.status === 403) return make("forbidden", `${f.origin} refused ${where}: the credentials lack permission (HTTP 403${detail}).`);
  if (f.status === 404) return make("not-found", `${where} was not found on ${f.origin} (HTTP 404${detail}).`);
  if (f.status === 409) return make("conflict", `${where} conflicts with what already exists on ${f.origin} (HTTP 409${detail}).`);
  if (f.status === 405 || f.status === 501 || errorCode === UNSUPPORTED_VERSION) {
    return make(
      "unsupported",
      `${f.origin} does not support ${where} (HTTP ${f.status}${detail}); the server version may be too old for it.`,
    );
  }
  if (f.status === 429) {
    return new ConfluentError("upstream", `${f.origin} is rate-limiting requests (HTTP 429); try again shortly.`, {
      ...opts,
      retriable: true,
    });
  }
  if (f.status >= 500) {
    return make("upstream", `${f.origin} failed to answer ${where} (HTTP ${f.status}${detail}); it may be overloaded or restarting.`);
  }
  return make("bad-request", `${f.origin} rejected ${where} as invalid (HTTP ${f.status}${detail}).`);
}

function parseVendorError(text: string): { errorCode: number; message: string | null } | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = ErrorBodySchema.safeParse(json);
  return parsed.success ? { errorCode: parsed.data.error_code, message: parsed.data.message ?? null } : null;
}

const MAX_DETAIL = 200;

/** The server's own words, as a short suffix: the vendor message, or the text of a non-JSON body (429 HTML, CP text/plain 400). */
function vendorDetail(f: HttpFailure, vendorMessage: string | null): string {
  let text = vendorMessage ?? "";
  if (!text && !f.contentType.includes("json")) {
    text = f.text.replace(/<(script|style)[\s\S]*?<\/\1>/gi, " ").replace(/<[^>]*>/g, " ");
  }
  text = redact(text.replace(/\s+/g, " ").trim(), f.secrets);
  if (!text) return "";
  return `: ${text.length > MAX_DETAIL ? `${text.slice(0, MAX_DETAIL - 1)}…` : text}`;
}
