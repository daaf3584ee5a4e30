import path from "node:path";

/** Files the e2e server writes for specs to check (under .linkscope/, gitignored). */
const dir = path.resolve(".linkscope");
export const E2E_CONFIG_FILE = path.join(dir, "e2e.config.yaml");
export const E2E_SERVER_LOG = path.join(dir, "e2e-server.log");
export const E2E_SECRET_HITS = path.join(dir, "e2e-secret-hits.jsonl");
export const E2E_SECRET_STATS = path.join(dir, "e2e-secret-stats.json");
