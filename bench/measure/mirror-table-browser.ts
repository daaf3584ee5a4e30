/**
 * Item 5 in Chromium: the link page of the big link, from navigation to the first mirror rows in the table, and
 * the largest number of rows in the DOM while scrolling through every mirror (the table is virtualized). Each run
 * is a fresh browser context (empty HTTP cache) against a warm server. Also: the JavaScript the topology page
 * actually loads, as a cross-check of item 7's figure from the build output.
 */
import type { Browser } from "@playwright/test";

const ROW = 'tbody tr[data-testid^="mirror-row-"]';
/** tsx compiles this file with esbuild's keepNames, which wraps functions in __name(); the page needs a no-op one. */
const NAME_SHIM = "globalThis.__name = (f) => f;";
const SCROLLER = '[data-testid="mirrors-scroll"]';

export interface MirrorTableRun {
  /** performance.now() in the page (0 = navigation start) when the first row was attached. */
  firstRowsMs: number;
  /** Most rows the mirrors table had in the DOM at once (the virtualized list under test). */
  maxDomRows: number;
  /** Most table rows in the whole page at once: the link's tasks, configs and partition states tables included. */
  maxPageRows: number;
  /** Distinct rows seen while scrolling from top to bottom. */
  rowsSeen: number;
  /** aria-rowcount − 1: the rows the table says it has. */
  rowCount: number;
}

declare global {
  interface Window {
    __benchFirstRowAt?: number;
  }
}

export async function measureMirrorTable(browser: Browser, url: string): Promise<MirrorTableRun> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    await context.addInitScript(NAME_SHIM);
    const page = await context.newPage();
    await page.addInitScript((selector: string) => {
      const observer = new MutationObserver(() => {
        if (window.__benchFirstRowAt === undefined && document.querySelector(selector)) {
          window.__benchFirstRowAt = performance.now();
          observer.disconnect();
        }
      });
      observer.observe(document, { childList: true, subtree: true });
    }, ROW);
    await page.goto(url, { waitUntil: "commit" });
    await page.waitForSelector(ROW, { timeout: 60_000 });
    const firstRowsMs = await page.evaluate(() => window.__benchFirstRowAt ?? Number.NaN);
    const scrolled = await page.evaluate(
      async ({ scroller, row }) => {
        const el = document.querySelector<HTMLElement>(scroller);
        if (!el) throw new Error(`no ${scroller} on the page`);
        const frame = () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
        const seen = new Set<string>();
        let maxRows = 0;
        let maxPageRows = 0;
        const look = () => {
          const rows = document.querySelectorAll(row);
          maxRows = Math.max(maxRows, el.querySelectorAll("tbody tr").length);
          maxPageRows = Math.max(maxPageRows, document.querySelectorAll("tbody tr").length);
          for (const r of rows) seen.add(r.getAttribute("data-testid") ?? "");
        };
        el.scrollTop = 0;
        await frame();
        look();
        for (let guard = 0; guard < 100_000; guard++) {
          const before = el.scrollTop;
          el.scrollTop = before + el.clientHeight * 0.9;
          await frame();
          look();
          if (el.scrollTop === before) break;
        }
        const table = el.querySelector("table");
        return { maxRows, maxPageRows, seen: seen.size, rowCount: Number(table?.getAttribute("aria-rowcount") ?? "1") - 1 };
      },
      { scroller: SCROLLER, row: ROW },
    );
    return { firstRowsMs, maxDomRows: scrolled.maxRows, maxPageRows: scrolled.maxPageRows, rowsSeen: scrolled.seen, rowCount: scrolled.rowCount };
  } finally {
    await context.close();
  }
}

export interface PageJs {
  /** Script resources the page loaded until the network was idle, compressed as sent and as decoded. */
  transferredBytes: number;
  decodedBytes: number;
  scripts: number;
}

export async function measurePageJs(browser: Browser, url: string): Promise<PageJs> {
  const context = await browser.newContext();
  try {
    await context.addInitScript(NAME_SHIM);
    const page = await context.newPage();
    await page.goto(url, { waitUntil: "networkidle", timeout: 60_000 });
    return await page.evaluate(() => {
      const scripts = performance
        .getEntriesByType("resource")
        .filter((e): e is PerformanceResourceTiming => e instanceof PerformanceResourceTiming && /\.js(\?|$)/.test(new URL(e.name).pathname));
      return {
        transferredBytes: scripts.reduce((n, s) => n + s.encodedBodySize, 0),
        decodedBytes: scripts.reduce((n, s) => n + s.decodedBodySize, 0),
        scripts: scripts.length,
      };
    });
  } finally {
    await context.close();
  }
}
