import { expect, test } from "@playwright/test";

test("pages are served with a strict CSP and run under it without violations", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (msg) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(msg.text())) violations.push(msg.text());
  });
  const res = await page.goto("/");
  const headers = res?.headers() ?? {};
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-/);
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("no-referrer");
  // Hydrated: the client fetched the fleet and the refresh button works.
  await expect(page.locator("[data-testid^=cluster-row-]").first()).toBeVisible();
  const clusters = page.getByRole("region", { name: "Clusters" });
  await clusters.getByRole("button", { name: "Refresh" }).click();
  await expect(clusters.getByRole("button", { name: "Refresh" })).toBeEnabled();
  expect(violations).toEqual([]);
});

test("mutations from another origin, or without JSON, are refused before anything happens", async ({ request }) => {
  const patch = (headers: Record<string, string>) =>
    request.fetch("/api/clusters/jump/links/primary-to-jump/configs", {
      method: "PATCH",
      headers,
      data: JSON.stringify({ set: { "consumer.offset.sync.ms": "15000" }, reset: [], validateOnly: true }),
    });
  const cross = await patch({ origin: "https://evil.example", "content-type": "application/json" });
  expect(cross.status()).toBe(403);
  expect((await cross.json()).error.code).toBe("forbidden");
  const crossSite = await patch({ "sec-fetch-site": "cross-site", "content-type": "application/json" });
  expect(crossSite.status()).toBe(403);
  const notJson = await patch({ "content-type": "text/plain" });
  expect(notJson.status()).toBe(400);
  // The same request from our own origin as JSON is accepted (a dry run changes nothing).
  const ours = await patch({ "content-type": "application/json" });
  expect(ours.status()).toBe(200);
});
