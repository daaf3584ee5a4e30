import "server-only";
import type { CollectionOptions } from "./collections";

// Link configs that carry credentials or key material; their values must never reach an error message.
const SECRET_CONFIG = /jaas|password|secret|token|credential|\.key$|keystore\.key|keystore\.certificate/i;

export function configSecrets(configs: ReadonlyArray<{ name: string; value: string | null }> | undefined): string[] {
  return (configs ?? []).flatMap((c) => (c.value && SECRET_CONFIG.test(c.name) ? [c.value] : []));
}

export function signalOf(options: { signal?: AbortSignal }): { signal?: AbortSignal } {
  return options.signal ? { signal: options.signal } : {};
}

/** A list call's options: where to report rows that could not be read (exactOptionalPropertyTypes-safe). */
export interface ListOptions {
  signal?: AbortSignal;
  onUnreadableRows?: CollectionOptions["onUnreadableRows"];
}

export function unreadableRowsOf(options: ListOptions): Pick<CollectionOptions, "onUnreadableRows"> {
  return options.onUnreadableRows ? { onUnreadableRows: options.onUnreadableRows } : {};
}
