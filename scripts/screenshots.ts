// Refreshes the README's screenshots from the running product: starts the simulated demo fleet and the production
// dashboard the way the browser tests do (scripts/e2e-server.ts), lets the simulated fleet run for a few minutes of
// its own time so charts have history, and saves the topology, a link page and the failover runbook.
//
//   npm run screenshots                      # README images into docs/screenshots/
//   npm run screenshots -- --review out/ /clusters/cloud /audit   # any pages, light and dark, 1280 and 390 px, for review
//
// Flags: --port (dashboard, default 3850), --sim-base-port (default 28890), --sim-admin-port (default 28889), --no-build.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { chromium, type Page } from "@playwright/test";
import { parse, stringify } from "yaml";
import { startSimulator } from "../simulator/index";
import { buildIfNeeded } from "./lib/build-if-needed";
import { CHROMIUM_ARGS, findChromium } from "./lib/find-chromium";
import { startDashboard, stopChild } from "./lib/start-dashboard";

const root = path.resolve(import.meta.dirname, "..");

/** The README's pictures: what each shows, at a desktop width in light mode. */
const README_SHOTS = [
  { file: "topology.png", path: "/", waitFor: "Fleet summary" },
  { file: "link-page.png", path: "/clusters/cloud/links/onprem-to-cloud", waitFor: "Mirror topics" },
  { file: "runbook.png", path: "/failover?cluster=dr&scope=link&links=jump-to-dr", waitFor: "Readiness" },
] as const;

async function settle(page: Page, text?: string) {
  if (text)
    await page
      .getByText(text)
      .first()
      .waitFor({ timeout: 30_000 })
      .catch(() => undefined);
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(800);
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      review: { type: "string" },
      port: { type: "string", default: "3850" },
      "sim-base-port": { type: "string", default: "28890" },
      "sim-admin-port": { type: "string", default: "28889" },
      "no-build": { type: "boolean", default: false },
    },
  });
  if (!values["no-build"]) buildIfNeeded(root);
  const port = Number(values.port);
  // A running clock: mirrors fetch, lag moves and the sampler records history, as in a real fleet.
  const sim = await startSimulator({
    scenario: "demo",
    basePort: Number(values["sim-base-port"]),
    adminPort: Number(values["sim-admin-port"]),
    clock: { speed: 1 },
  });
  const configFile = path.join(root, ".linkscope", "screenshots.config.yaml");
  mkdirSync(path.dirname(configFile), { recursive: true });
  const config = parse(sim.configYaml()) as Record<string, unknown>;
  config.pollIntervalSeconds = 5;
  writeFileSync(configFile, stringify(config));
  const dashboard = await startDashboard({ root, configFile, port, quiet: true });
  const base = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch({ executablePath: findChromium() ?? undefined, args: CHROMIUM_ARGS });
  try {
    // A few polls so the charts have more than one point.
    await new Promise((r) => setTimeout(r, 8_000));
    if (values.review) {
      mkdirSync(values.review, { recursive: true });
      for (const scheme of ["light", "dark"] as const) {
        for (const width of [1280, 390]) {
          const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme });
          for (const p of positionals) {
            await page.goto(new URL(p, base).toString());
            await settle(page);
            const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
            const name = `${p.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "") || "home"}-${width}-${scheme}.png`;
            await page.screenshot({ path: path.join(values.review, name), fullPage: true });
            console.log(
              `${path.join(values.review, name)} (page ${scrollWidth} px wide${scrollWidth > width ? ", SCROLLS SIDEWAYS" : ""})`,
            );
          }
          await page.close();
        }
      }
    } else {
      const out = path.join(root, "docs", "screenshots");
      mkdirSync(out, { recursive: true });
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: "light" });
      for (const shot of README_SHOTS) {
        await page.goto(new URL(shot.path, base).toString());
        await settle(page, shot.waitFor);
        await page.screenshot({ path: path.join(out, shot.file), fullPage: false });
        console.log(path.join(out, shot.file));
      }
    }
  } finally {
    await browser.close();
    await stopChild(dashboard);
    await sim.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
