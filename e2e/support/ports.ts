/** Loopback ports for the browser tests, away from the demo's 3000 / 18089 / 18090+; overridable to run two suites side by side. */
export const E2E_APP_PORT = Number(process.env.E2E_APP_PORT ?? 3100);
export const E2E_SIM_ADMIN_PORT = Number(process.env.E2E_SIM_ADMIN_PORT ?? 28089);
export const E2E_SIM_BASE_PORT = Number(process.env.E2E_SIM_BASE_PORT ?? 28090);
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_APP_PORT}`;
export const E2E_ADMIN_URL = `http://127.0.0.1:${E2E_SIM_ADMIN_PORT}`;
/** Short so that "within one refresh" assertions are quick. */
export const E2E_POLL_INTERVAL_SECONDS = 2;
/**
 * `cloud` may take this long per request in the browser tests (the default is 5 s), so that the slow-cluster spec can make
 * it slow by a margin no loaded machine's page render comes near, and still not down.
 */
export const E2E_SLOW_CLUSTER = { name: "cloud", timeoutMs: 15_000 } as const;
