import "server-only";

/*
 * The audit log never holds a secret. Keys that name one (password, secret, token, JAAS configs, API keys, private
 * keys, PEM stores) have their values replaced wherever they occur, and so do `{name, value}` config entries whose
 * name does. What is left is safe to show on the audit page and to ship as a log line.
 */

const SECRET_NAME =
  /(password|passwd|secret|token|jaas|credential|api[._-]?key|private|keystore|truststore\.certificates|\.key$|^key$|authorization|cookie)/i;

export const REDACTED = "***";

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

export function scrubSecrets(value: unknown, depth = 0): unknown {
  if (depth > 20) return REDACTED;
  if (Array.isArray(value)) return value.map((v) => scrubSecrets(v, depth + 1));
  if (value === null || typeof value !== "object") return value;
  const record = value as Record<string, unknown>;
  // A config entry ({name: "sasl.jaas.config", value: "…"}) carries its secret under a harmless key.
  const namesSecret = typeof record.name === "string" && isSecretName(record.name);
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(record)) {
    if (isSecretName(key) || (namesSecret && key === "value")) out[key] = v === null || v === undefined ? v : REDACTED;
    else out[key] = scrubSecrets(v, depth + 1);
  }
  return out;
}
