import { expect, test } from "@playwright/test";
import { SimulatorFacts } from "./pages/wizard-page";

// The create-mirror wizard on the demo's onprem-to-cloud link, with a topic of its own so other specs are unaffected.

test("create-mirror wizard: pick a source topic, check, create, and watch it become ACTIVE", async ({ page, request }) => {
  const sim = new SimulatorFacts(request);
  await sim.post("/clusters/onprem/topics", { name: "e2e_wizard_events", partitions: 3, produceRate: 5 });
  await page.goto("/clusters/cloud/links/onprem-to-cloud/mirrors/new");
  await expect(page.getByRole("heading", { name: "Create mirror topics", level: 1 })).toBeVisible();

  const topics = page.getByRole("list", { name: "onprem's topics" });
  await expect(topics.getByText("already mirrored")).not.toHaveCount(0);
  await expect(topics.getByRole("checkbox", { name: /^orders/ })).toBeDisabled();
  await page.getByRole("searchbox", { name: "Search onprem's topics" }).fill("e2e_wizard");
  await topics.getByRole("checkbox", { name: /e2e_wizard_events/ }).check();

  await page.getByLabel("Or type topic names").fill("bad topic!");
  await expect(page.getByRole("cell", { name: /can only contain letters/ })).toBeVisible();
  await expect(page.getByRole("button", { name: "Check" })).toBeDisabled();
  await page.getByLabel("Or type topic names").fill("no_such_topic_here");
  await expect(page.getByRole("cell", { name: /onprem has no topic of this name/ })).toBeVisible();
  await page.getByLabel("Or type topic names").fill("");

  await expect(page.getByText("confluent kafka mirror create e2e_wizard_events --link onprem-to-cloud --cluster lkc-c10ud7")).toBeVisible();
  await page.getByRole("button", { name: "Check" }).click();
  await expect(page.getByText("Check (by Linkscope; nothing was created): 1 of 1 can be created.")).toBeVisible();
  expect(await sim.rest("cloud", "/links/onprem-to-cloud/mirrors/e2e_wizard_events")).toBeNull();

  await page.getByRole("button", { name: "Create 1 mirror" }).click();
  await expect(page.getByText("1 of 1 mirror created on cloud.")).toBeVisible();
  // The new mirror is the result, not a conflict, even once the link's mirror list has it.
  await sim.advanceClock(5_000);
  await expect(page.getByRole("cell", { name: "Created just now." })).toBeVisible();
  await expect(page.getByText("Already mirrored on this link.")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Create 0 mirrors" })).toBeDisabled();
  await sim.advanceClock(5_000);
  await expect(page.getByTestId("mirror-status-e2e_wizard_events")).toHaveText("ACTIVE", { timeout: 15_000 });
});
