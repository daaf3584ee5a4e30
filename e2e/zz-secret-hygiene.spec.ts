import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { E2E_SECRET_HITS, E2E_SECRET_STATS, E2E_SERVER_LOG } from "./support/artifacts";

// Runs last (files run in name order): by now every other spec has driven pages and the API through the scanning proxy.
test("no credential from the config reached a page, an API response or a server log line", async ({ page }) => {
  // One more tour, in case this spec runs alone.
  for (const path of ["/", "/api/topology", "/api/clusters", "/api/clusters/jump/links/primary-to-jump", "/api/metrics"]) {
    await page.goto(path);
  }
  await expect.poll(() => JSON.parse(readFileSync(E2E_SECRET_STATS, "utf8")).bytesScanned as number).toBeGreaterThan(10_000);
  const stats = JSON.parse(readFileSync(E2E_SECRET_STATS, "utf8")) as { secrets: number; bytesScanned: number };
  expect(stats.secrets).toBeGreaterThanOrEqual(7);
  expect(readFileSync(E2E_SERVER_LOG, "utf8").length).toBeGreaterThan(0);
  const hits = readFileSync(E2E_SECRET_HITS, "utf8").split("\n").filter(Boolean);
  expect(hits).toEqual([]);
});
