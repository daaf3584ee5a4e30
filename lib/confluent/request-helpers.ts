import "server-only";

// Link configs that carry credentials or key material; their values must never reach an error message.
const SECRET_CONFIG = /jaas|password|secret|token|credential|\.key$|keystore\.key|keystore\.certificate/i;

export function configSecrets(configs: ReadonlyArray<{ name: string; value: string | null }> | undefined): string[] {
  return (configs ?? []).flatMap((c) => (c.value && SECRET_CONFIG.test(c.name) ? [c.value] : []));
}

export function signalOf(options: { signal?: AbortSignal }): { signal?: AbortSignal } {
  return options.signal ? { signal: options.signal } : {};
}
