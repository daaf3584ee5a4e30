import { defineConfig } from "@playwright/test";
import { E2E_BASE_URL } from "./e2e/support/ports";
import { CHROMIUM_ARGS, findChromium } from "./scripts/lib/find-chromium";

const MUTATING = /(alerting-prometheus|create-link|create-mirror|failover|audit|topology-crowded)\.spec\.ts$/;
const FINAL = /zz-secret-hygiene\.spec\.ts$/;

export default defineConfig({
  testDir: "e2e",
  // A subfolder: Playwright empties its output folder, and test-results/ also holds the unit report.
  outputDir: "test-results/e2e-artifacts",
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  // 60 s: the link page now also reads consumer groups and readiness; on the shared 2-core machine 30 s was too tight for the longest specs.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/e2e-results.json" }]],
  use: {
    baseURL: E2E_BASE_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: { executablePath: findChromium() ?? undefined, args: CHROMIUM_ARGS },
  },
  // All specs share one simulated fleet. Specs that only look run first; specs that change the fleet (create links and
  // mirrors, fail mirrors over) run after them, so what the first group asserts about the demo fleet stays true; the
  // secret scan runs last, over everything the others did.
  projects: [
    { name: "observe", use: { browserName: "chromium" }, testIgnore: [MUTATING, FINAL] },
    { name: "mutate", use: { browserName: "chromium" }, testMatch: MUTATING, dependencies: ["observe"] },
    { name: "final", use: { browserName: "chromium" }, testMatch: FINAL, dependencies: ["mutate"] },
  ],
  webServer: {
    command: "npx tsx scripts/e2e-server.ts",
    url: `${E2E_BASE_URL}/api/health`,
    reuseExistingServer: false,
    timeout: 240_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
