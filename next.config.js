// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // One self-contained server: `node .next/standalone/server.js` (see README, Deploying).
  output: "standalone",
  // Native module: loaded by Node at run time, not bundled.
  serverExternalPackages: ["better-sqlite3"],
  // The simulator and scripts are separate programs; keep them out of the app's tracing.
  outputFileTracingExcludes: { "*": ["simulator/**", "e2e/**", "bench/**", "scripts/**", "test/**", "docs/**"] },
};
module.exports = nextConfig;
