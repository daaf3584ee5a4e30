import { expect, test } from "@playwright/test";

// Every page asks for an icon: /favicon.ico (browsers ask for it on their own) and the SVG the pages link to.

test("serves /favicon.ico and links an SVG icon from every page", async ({ page, request }) => {
  const ico = await request.get("/favicon.ico");
  expect(ico.status()).toBe(200);
  expect(ico.headers()["content-type"]).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/);
  await page.goto("/audit");
  const href = await page.locator('link[rel="icon"][type="image/svg+xml"]').getAttribute("href");
  expect(href).toMatch(/^\/icon\.svg/);
  expect((await request.get(href!)).status()).toBe(200);
});
