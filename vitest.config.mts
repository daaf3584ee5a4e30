import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(fileURLToPath(import.meta.url));

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
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
