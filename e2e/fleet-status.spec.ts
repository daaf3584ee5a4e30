import { expect, test } from "@playwright/test";
import { FleetPage } from "./pages/fleet-page";
import { SimulatorAdmin } from "./support/simulator-admin";
import { E2E_POLL_INTERVAL_SECONDS } from "./support/ports";

test.describe("fleet status", () => {
  test("lists every demo cluster with status OK and its id", async ({ page }) => {
    const fleet = new FleetPage(page);
    await fleet.goto();
    const names = await fleet.clusterNames();
    expect(names.length).toBeGreaterThanOrEqual(6);
    for (const name of names) await fleet.expectStatus(name, "OK");
    await expect(page.getByRole("status", { name: /Fleet: all \d+ clusters OK/ })).toBeVisible();
  });

  test("a stopped cluster turns unreachable with a reason within one refresh, and the others stay OK", async ({ page, request }) => {
    const admin = new SimulatorAdmin(request);
    const fleet = new FleetPage(page);
    await fleet.goto();
    const names = await fleet.clusterNames();
    const victim = names[1]!;
    await admin.stopCluster(victim);
    try {
      // One refresh interval plus the request's own time; no sleeping: the assertion polls.
      await expect(fleet.row(victim).getByText("Unreachable", { exact: true })).toBeVisible({
        timeout: (E2E_POLL_INTERVAL_SECONDS * 2 + 3) * 1000,
      });
      await expect(fleet.row(victim)).toContainText(/refused|could not connect|cannot connect/i);
      for (const name of names.filter((n) => n !== victim)) await fleet.expectStatus(name, "OK");
      await expect(page.getByRole("status", { name: /Fleet: 1 of \d+ clusters have problems/ })).toBeVisible();
    } finally {
      await admin.startCluster(victim);
    }
    await fleet.expectStatus(victim, "OK");
  });
});
