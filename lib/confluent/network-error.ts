import "server-only";

/** A short phrase for why a connection failed, from the error codes Node and undici use. */
export function describeNetworkFailure(err: unknown, overTls: boolean): string {
  const code = findCode(err);
  const text = `${code ?? ""} ${messages(err).join(" ")}`;
  if (/ECONNREFUSED/.test(text)) return "connection refused";
  if (/ENOTFOUND|EAI_AGAIN/.test(text)) return "host name not found";
  if (/EHOSTUNREACH|ENETUNREACH/.test(text)) return "host unreachable";
  if (/ETIMEDOUT|UND_ERR_CONNECT_TIMEOUT/.test(text)) return "connection timed out";
  if (/CERTIFICATE_REQUIRED|alert certificate required|alert bad certificate|alert unknown ca/i.test(text)) {
    return "the server rejected the TLS client certificate (check the mtls cert and key)";
  }
  if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/i.test(text)) {
    return `the server's TLS certificate is not trusted (${code ?? "certificate error"}; set ca for this cluster if it uses a private CA)`;
  }
  if (/ECONNRESET|UND_ERR_SOCKET|other side closed|EPIPE/.test(text)) {
    // With TLS 1.3 a rejected client certificate shows up only as a closed connection.
    return overTls
      ? "the connection was closed by the server (if it requires mTLS, check the client certificate and key)"
      : "the connection was closed by the server";
  }
  return code ? `network error ${code}` : "network error";
}

function findCode(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (typeof e === "object" && "code" in e && typeof e.code === "string") return e.code;
  }
  return undefined;
}

function messages(err: unknown): string[] {
  const out: string[] = [];
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof Error) out.push(e.message);
  }
  return out;
}
