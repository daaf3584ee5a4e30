// Takes full-page PNG screenshots of dashboard pages in light and dark mode, for review and for the README.
// Usage: tsx scripts/screenshot.ts <baseUrl> <outDir> <path> [path…]
import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "./lib/find-chromium";

async function main() {
  const [baseUrl, outDir, ...paths] = process.argv.slice(2);
  if (!baseUrl || !outDir || paths.length === 0) {
    console.error("usage: tsx scripts/screenshot.ts <baseUrl> <outDir> <path> [path…]");
    process.exit(2);
  }
  mkdirSync(outDir, { recursive: true });
  const browser = await chromium.launch({ executablePath: findChromium() ?? undefined, args: CHROMIUM_ARGS });
  try {
    for (const scheme of ["light", "dark"] as const) {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: scheme });
      for (const p of paths) {
        await page.goto(new URL(p, baseUrl).toString(), { waitUntil: "networkidle" });
        await page.waitForTimeout(Number(process.env.SCREENSHOT_SETTLE_MS ?? 500));
        const name = `${p.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "") || "home"}-${scheme}.png`;
        await page.screenshot({ path: path.join(outDir, name), fullPage: true });
        console.log(path.join(outDir, name));
      }
      await page.close();
    }
  } finally {
    await browser.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
