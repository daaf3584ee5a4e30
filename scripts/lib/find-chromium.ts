import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

/** Where a usable Chromium is: CHROMIUM_PATH, Debian's /usr/bin/chromium, or a browser Playwright installed itself. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const candidates = [env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", playwrightChromium()];
  return candidates.find((p): p is string => Boolean(p) && existsSync(p as string)) ?? null;
}

function playwrightChromium(): string | undefined {
  try {
    // Resolved from the project root; no import.meta, because Playwright loads its config (and this file) as CommonJS.
    const require = createRequire(path.resolve("package.json"));
    const { chromium } = require("playwright-core") as { chromium: { executablePath(): string } };
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}

/** Flags that let Debian's Chromium run headless as root on a machine with a closed network. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];
