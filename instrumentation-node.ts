import { ConfigError } from "@/lib/config/load";
import { getLoadedConfig } from "@/lib/server/config";
import { startHistorySampler } from "@/lib/server/history/runtime";
import { sharedStore } from "@/lib/server/store/shared-store";

/**
 * Opens the shared store at start, which runs its schema migrations (PostgreSQL: under an advisory lock, so replicas
 * starting together migrate once). Never fatal: a database that is down now leaves reads working, mutations refused
 * with 503 audit-unavailable, and is retried at each use.
 */
function openSharedStore(): void {
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const store = sharedStore();
  // A few tries: replicas started together, or a database still starting, should not begin with an alarming line.
  const attempt = (left: number): void => {
    store.ping().then(
      () => console.log(`linkscope: shared store ready (${store.backend}, ${store.location})`),
      (err: unknown) => {
        if (left > 0) return void setTimeout(() => attempt(left - 1), 2_000).unref();
        console.error(`linkscope: shared store not reachable yet; changes are refused until it is (${err instanceof Error ? err.message : String(err)})`);
      },
    );
  };
  attempt(3);
}

/** A typo in the config stops the server with a readable list of problems instead of surfacing later as failing pages. */
export function validateConfigAtStartup(): void {
  try {
    const { file, config } = getLoadedConfig();
    console.log(`linkscope: ${config.clusters.length} cluster(s) from ${file}`);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  // Once per server process, with a valid config; they skip `next build` and never throw.
  openSharedStore();
  startHistorySampler();
}
