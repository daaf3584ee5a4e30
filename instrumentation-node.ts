import { ConfigError } from "@/lib/config/load";
import { getLoadedConfig } from "@/lib/server/config";
import { startHistorySampler } from "@/lib/server/history/runtime";

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
  // Once per server process, with a valid config; it skips `next build` and never throws.
  startHistorySampler();
}
