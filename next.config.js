// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The simulator and scripts are separate programs; keep them out of the app's tracing.
  outputFileTracingExcludes: { "*": ["simulator/**", "e2e/**", "bench/**", "scripts/**"] },
};
module.exports = nextConfig;
