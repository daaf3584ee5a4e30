// Validate the config file when the server starts, so a typo stops it with a readable list of problems
// instead of surfacing later as failing pages.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { ConfigError } = await import("@/lib/config/load");
  const { getLoadedConfig } = await import("@/lib/server/config");
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
}
