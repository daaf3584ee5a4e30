/**
 * Item 8 in Chromium, on the scale fleet: how long the topology page takes to draw its graph once the topology
 * answer has arrived (the default view, then a group opened, which needs a layout), and the frame rate while the
 * user pans that group's graph (mouse drags on the pane, frames counted with requestAnimationFrame).
 */
import type { Browser, Page } from "@playwright/test";

/** tsx compiles this file with esbuild's keepNames, which wraps functions in __name(); the page needs a no-op one. */
const NAME_SHIM = "globalThis.__name = (f) => f;";

export interface TopologyGraphRun {
  /** From the end of the /api/topology response to the first card of the default view in the DOM. */
  firstGraphMs: number;
  /** From the click on a group to its clusters' cards and labels drawn (layout included). */
  openGroupMs: number;
  /** Frames per second while panning the opened group's graph for ~2 s. */
  panFps: number;
  /** Cards and labels drawn in the opened group's graph. */
  cards: number;
  labels: number;
}

declare global {
  interface Window {
    __benchTopologyAt?: number;
    __benchFirstNodeAt?: number;
  }
}

async function panFps(page: Page): Promise<number> {
  const pane = page.locator(".react-flow__pane");
  const box = await pane.boundingBox();
  if (!box) throw new Error("The graph's pane has no box: the page did not render the graph.");
  const counting = page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let frames = 0;
        const start = performance.now();
        const tick = (now: number) => {
          frames++;
          if (now - start < 2000) requestAnimationFrame(tick);
          else resolve((frames * 1000) / (now - start));
        };
        requestAnimationFrame(tick);
      }),
  );
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const deadline = Date.now() + 2100;
  while (Date.now() < deadline) {
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    await page.mouse.move(cx - 200, cy - 80, { steps: 20 });
    await page.mouse.move(cx, cy, { steps: 20 });
    await page.mouse.up();
  }
  return counting;
}

export async function measureTopologyGraph(browser: Browser, baseUrl: string): Promise<TopologyGraphRun> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    await context.addInitScript(NAME_SHIM);
    const page = await context.newPage();
    await page.addInitScript(() => {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries())
          if (new URL(e.name).pathname === "/api/topology" && window.__benchTopologyAt === undefined)
            window.__benchTopologyAt = (e as PerformanceResourceTiming).responseEnd;
      }).observe({ type: "resource", buffered: true });
      const observer = new MutationObserver(() => {
        if (window.__benchFirstNodeAt === undefined && document.querySelector(".react-flow__node")) {
          window.__benchFirstNodeAt = performance.now();
          observer.disconnect();
        }
      });
      observer.observe(document, { childList: true, subtree: true });
    });
    await page.goto(`${baseUrl}/`, { waitUntil: "commit" });
    await page.waitForSelector(".react-flow__node", { timeout: 120_000 });
    const firstGraphMs = await page.evaluate(() => (window.__benchFirstNodeAt ?? Number.NaN) - (window.__benchTopologyAt ?? Number.NaN));

    const group = page.locator(".react-flow__node-group button").first();
    const clicked = await page.evaluate(() => performance.now());
    await group.click();
    await page.waitForSelector(".react-flow__node-cluster", { timeout: 60_000 });
    await page.waitForSelector('[data-edge-label="flow"]', { timeout: 60_000 });
    const openGroupMs = (await page.evaluate(() => performance.now())) - clicked;
    const cards = await page.locator(".react-flow__node-cluster").count();
    const labels = await page.locator('[data-edge-label="flow"]').count();
    return { firstGraphMs, openGroupMs, panFps: await panFps(page), cards, labels };
  } finally {
    await context.close();
  }
}
