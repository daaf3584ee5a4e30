import "server-only";
import { configPathFromEnv, loadConfigFile, type LoadedConfig } from "@/lib/config/load";

let loaded: LoadedConfig | undefined;

/** The validated config, read once per process; a bad file fails loudly at the first call (and at start-up, see instrumentation.ts). */
export function getLoadedConfig(): LoadedConfig {
  loaded ??= loadConfigFile(configPathFromEnv());
  return loaded;
}

export function getConfig() {
  return getLoadedConfig().config;
}
