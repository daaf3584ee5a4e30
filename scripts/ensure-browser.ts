// Finds Chromium for the browser tests, installing Debian's package when we are root on Debian and none is there.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { findChromium } from "./lib/find-chromium";

function installWithApt(): void {
  console.log("ensure-browser: no Chromium found; installing Debian's chromium package…");
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
  execFileSync("apt-get", ["install", "-y", "-qq", "chromium"], {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
}

export function ensureBrowser(): string {
  let found = findChromium();
  if (!found && process.getuid?.() === 0 && existsSync("/etc/debian_version")) {
    installWithApt();
    found = findChromium();
  }
  if (!found) {
    console.error(
      "ensure-browser: no Chromium found: install it (Debian: `apt-get install chromium`) or set CHROMIUM_PATH to a Chromium binary.",
    );
    process.exit(1);
  }
  return found;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(`ensure-browser: using ${ensureBrowser()}`);
}
