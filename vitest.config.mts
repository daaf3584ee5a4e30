import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";
import path from "node:path";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = path.dirname(fileURLToPath(import.meta.url));
// The same rule as test/contract/refs-location.ts (skipVendorRefTests), kept here because the config loads before
// vitest can import the project's TypeScript: a fresh clone has no ../shared/refs and skips the vendor tests (one
// summary line names them); CI=true never skips them, so there they fail without the refs.
const vendorRefs = path.resolve(process.env.LINKSCOPE_VENDOR_REFS ?? path.resolve(root, "../shared/refs"));
const skipVendorRefTests = !existsSync(vendorRefs) && process.env.CI !== "true";

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: {
      "@": root,
      // `server-only` throws outside a React Server Component bundle; under vitest it must be a no-op.
      "server-only": path.resolve(root, "test/support/empty-module.ts"),
    },
  },
  test: {
    include: ["**/*.test.ts", "**/*.test.tsx"],
    exclude: ["node_modules/**", ".next/**", "e2e/**"],
    environment: "node",
    // *.test.tsx files run in jsdom via the per-file comment `// @vitest-environment jsdom`.
    pool: "forks",
    tags: [
      {
        name: "vendor-refs",
        description: "Judges the wire against Confluent's OpenAPI specs or recorded answers (../shared/refs or LINKSCOPE_VENDOR_REFS)",
        skip: skipVendorRefTests,
      },
    ],
    reporters: ["default", "./test/support/vendor-refs-reporter.ts"],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
