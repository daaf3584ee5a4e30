import { expect, test } from "@playwright/test";
import { CreateLinkWizardPage, SimulatorFacts } from "./pages/wizard-page";

// The create-link wizard on the demo fleet. Names are new so that other specs sharing the simulator are unaffected.

test.describe("create-link wizard", () => {
  test("field-level errors appear next to the fields, and answers survive moving back", async ({ page }) => {
    const wizard = new CreateLinkWizardPage(page);
    await wizard.goto();
    await wizard.next();
    await wizard.expectStep("Clusters");
    await wizard.expectFieldError("Link name", "A link name must not be empty.");
    await wizard.expectFieldError("Source cluster", "Pick the source cluster.");
    await wizard.field("Link name").fill("bad name!");
    await wizard.field("Source cluster").selectOption("cloud");
    await wizard.field("Destination cluster").selectOption("cloud");
    await wizard.next();
    await wizard.expectFieldError("Link name", /remove spaces, "!"/);
    await wizard.expectFieldError("Destination cluster", "Must differ from the source.");
    await wizard.chooseClusters("e2e-errors-link", "cloud", "us-west");
    await wizard.expectStep("Who connects");
    await wizard.next();
    await wizard.expectStep("Security");
    await page.getByLabel("API key").fill("some-key");
    await wizard.next();
    await wizard.expectFieldError("API secret", "Required with SASL_SSL.");
    await page.getByRole("button", { name: "Back" }).click();
    await page.getByRole("button", { name: "Back" }).click();
    await expect(wizard.field("Link name")).toHaveValue("e2e-errors-link");
    await expect(wizard.field("Source cluster")).toHaveValue("cloud");
  });

  test("creates a destination-initiated link us-west ← cloud: masked review, dry run, create, seen in the topology and on the cluster", async ({
    page,
    request,
  }) => {
    const sim = new SimulatorFacts(request);
    const cloud = await sim.cluster("cloud");
    const secret = cloud.credentials.kafka.apiSecret;
    const wizard = new CreateLinkWizardPage(page);
    await wizard.goto();
    await wizard.chooseClusters("e2e-cloud-to-west", "cloud", "us-west");
    await expect(page.getByText("Recommended: destination-initiated")).toBeVisible();
    await expect(page.getByRole("img", { name: /us-west connects to cloud\. Data flows cloud to us-west/ })).toBeVisible();
    await wizard.chooseKind("Destination-initiated (default)");
    await wizard.fillCredentials(/Credentials for cloud/, { key: cloud.credentials.kafka.apiKey, secret });
    await wizard.next();
    await wizard.expectStep("Mirroring");
    await wizard.field("Mirror topic prefix (cluster.link.prefix)").fill("cloud.");
    await wizard.next();
    await wizard.expectStep("Review");

    const review = page.locator("form");
    await expect(review).toContainText("password='***'");
    await expect(review).toContainText("confluent kafka link create e2e-cloud-to-west");
    await expect(review).toContainText('resource "confluent_cluster_link"');
    expect(await page.content()).not.toContain(secret);

    await page.getByRole("button", { name: "Validate (dry run)" }).click();
    await expect(page.getByText("Dry run passed: every half would be created.")).toBeVisible();
    expect(await sim.linkHalf("us-west", "e2e-cloud-to-west")).toBeNull();
    await expect(review).toContainText("/kafka/v3/clusters/lkc-we5t2m/links?link_name=e2e-cloud-to-west&validate_only=true");

    await page.getByRole("button", { name: "Create link" }).click();
    await expect(page.getByText('Link "e2e-cloud-to-west" created.')).toBeVisible();
    expect(await page.content()).not.toContain(secret);

    const half = await sim.linkHalf("us-west", "e2e-cloud-to-west");
    expect(half).toMatchObject({
      source_cluster_id: cloud.id,
      configs: { "link.mode": "DESTINATION", "connection.mode": "OUTBOUND", "cluster.link.prefix": "cloud.", "sasl.jaas.config": null },
    });

    await expect
      .poll(async () => {
        const topology = (await (await request.get("/api/topology")).json()) as {
          links: Array<{ name: string; kind: string; connections: unknown; flows: unknown }>;
        };
        return topology.links.find((l) => l.name === "e2e-cloud-to-west") ?? null;
      })
      .toMatchObject({
        kind: "destination-initiated",
        connections: [{ from: "us-west", to: "cloud" }],
        flows: [{ from: "cloud", to: "us-west" }],
      });
  });

  test("creates a source-initiated link onprem → jump: INBOUND half first, SOURCE half with local SCRAM credentials", async ({
    page,
    request,
  }) => {
    const sim = new SimulatorFacts(request);
    const [jump, onprem] = [await sim.cluster("jump"), await sim.cluster("onprem")];
    const wizard = new CreateLinkWizardPage(page);
    await wizard.goto();
    await wizard.chooseClusters("e2e-onprem-to-jump", "onprem", "jump");
    await expect(page.getByText("Recommended: source-initiated")).toBeVisible();
    // The wizard acts on its advice: the recommended kind is already selected.
    await expect(page.getByRole("radio", { name: /^Source-initiated/ })).toBeChecked();
    await expect(page.getByRole("img", { name: /onprem connects to jump/ })).toBeVisible();
    await wizard.next();
    await wizard.fillCredentials(/Credentials for jump/, { key: jump.credentials.kafka.apiKey, secret: jump.credentials.kafka.apiSecret });
    await wizard.fillCredentials(/Local credentials for onprem/, {
      protocol: "SASL_PLAINTEXT",
      mechanism: "SCRAM-SHA-512",
      key: onprem.credentials.kafka.apiKey,
      secret: onprem.credentials.kafka.apiSecret,
    });
    await wizard.next();
    await page.getByLabel(/Sync consumer offsets/).check();
    await wizard.next();
    await expect(page.getByRole("heading", { name: /Step 1 on jump: destination half \(INBOUND/ })).toBeVisible();
    await expect(page.getByRole("heading", { name: /Step 2 on onprem: source half \(OUTBOUND/ })).toBeVisible();
    await page.getByRole("button", { name: "Create link" }).click();
    await expect(page.getByText('Link "e2e-onprem-to-jump" created.')).toBeVisible();

    const inbound = await sim.linkHalf("jump", "e2e-onprem-to-jump");
    const source = await sim.linkHalf("onprem", "e2e-onprem-to-jump");
    expect(inbound).toMatchObject({
      source_cluster_id: onprem.id,
      configs: { "link.mode": "DESTINATION", "connection.mode": "INBOUND", "consumer.offset.sync.enable": "true" },
    });
    expect(source).toMatchObject({
      destination_cluster_id: jump.id,
      cluster_link_id: inbound!.cluster_link_id,
      configs: {
        "link.mode": "SOURCE",
        "connection.mode": "OUTBOUND",
        "local.security.protocol": "SASL_PLAINTEXT",
        "local.sasl.mechanism": "SCRAM-SHA-512",
        "local.sasl.jaas.config": null,
      },
    });
  });

  test("a destination-initiated link from a private source: the review warns, the dry run's timeout is explained, Create stays locked", async ({
    page,
    request,
  }) => {
    const sim = new SimulatorFacts(request);
    const onprem = await sim.cluster("onprem");
    const wizard = new CreateLinkWizardPage(page);
    await wizard.goto();
    await wizard.chooseClusters("e2e-private-dest-init", "onprem", "cloud");
    await wizard.chooseKind("Destination-initiated (default)");
    await wizard.fillCredentials(/Credentials for onprem/, {
      key: onprem.credentials.kafka.apiKey,
      secret: onprem.credentials.kafka.apiSecret,
    });
    await wizard.next();
    await wizard.next();
    await expect(page.getByText(/recommends source-initiated, not destination-initiated/)).toBeVisible();
    await page.getByRole("button", { name: "Validate (dry run)" }).click();
    await expect(page.getByText("Dry run found problems.")).toBeVisible();
    await expect(page.getByText(/onprem is in a private network.*Use a source-initiated link instead/)).toBeVisible();
    await expect(page.getByRole("button", { name: /^Create link/ })).toBeDisabled();
    await page.getByLabel(/to create the link despite the failed dry run/).fill("e2e-private-dest-init");
    await expect(page.getByRole("button", { name: "Create link anyway" })).toBeEnabled();
    expect(await sim.linkHalf("cloud", "e2e-private-dest-init")).toBeNull();
  });

  test("creates a bidirectional link us-east ↔ jump with a prefix per side", async ({ page, request }) => {
    const sim = new SimulatorFacts(request);
    const [east, jump] = [await sim.cluster("us-east"), await sim.cluster("jump")];
    const wizard = new CreateLinkWizardPage(page);
    await wizard.goto();
    await wizard.chooseClusters("e2e-east-jump", "us-east", "jump");
    await wizard.chooseKind("Bidirectional");
    await wizard.fillCredentials(/Credentials for us-east/, {
      key: east.credentials.kafka.apiKey,
      secret: east.credentials.kafka.apiSecret,
    });
    await wizard.fillCredentials(/Credentials for jump/, { key: jump.credentials.kafka.apiKey, secret: jump.credentials.kafka.apiSecret });
    await wizard.next();
    await wizard.field("Prefix for mirrors on jump").fill("east.");
    await wizard.field("Prefix for mirrors on us-east").fill("jump.");
    await wizard.next();
    await page.getByRole("button", { name: "Create link" }).click();
    await expect(page.getByText('Link "e2e-east-jump" created.')).toBeVisible();
    const onJump = await sim.linkHalf("jump", "e2e-east-jump");
    const onEast = await sim.linkHalf("us-east", "e2e-east-jump");
    expect(onJump).toMatchObject({ remote_cluster_id: east.id, configs: { "link.mode": "BIDIRECTIONAL", "cluster.link.prefix": "east." } });
    expect(onEast).toMatchObject({
      remote_cluster_id: jump.id,
      cluster_link_id: onJump!.cluster_link_id,
      configs: { "link.mode": "BIDIRECTIONAL", "cluster.link.prefix": "jump." },
    });
  });

  test("edits a link's configs (dry run with a diff, then apply) and deletes it with a typed confirmation, from the link page", async ({
    page,
    request,
  }) => {
    // Three pages' worth of fleet reads (create, link page, delete dry run) on a shared, busy machine.
    test.setTimeout(60_000);
    const sim = new SimulatorFacts(request);
    const cloud = await sim.cluster("cloud");
    const created = await request.post("/api/links", {
      data: {
        name: "e2e-admin-link",
        kind: "destination-initiated",
        source: "cloud",
        destination: "us-west",
        credentials: {
          securityProtocol: "SASL_SSL",
          saslMechanism: "PLAIN",
          username: cloud.credentials.kafka.apiKey,
          password: cloud.credentials.kafka.apiSecret,
        },
      },
    });
    expect(((await created.json()) as { ok: boolean }).ok).toBe(true);

    await page.goto("/clusters/us-west/links/e2e-admin-link");
    await page.getByRole("button", { name: "Edit configs" }).click();
    const editor = page.getByRole("dialog", { name: "Edit configs of e2e-admin-link on us-west" });
    await expect(editor.getByLabel("New value of local.sasl.jaas.config")).toHaveCount(0);
    // Current values read as values, and a boolean is a choice, not free text.
    await expect(editor.getByLabel("New value of consumer.offset.sync.ms")).toHaveValue("30000");
    await expect(editor.getByLabel("New value of consumer.offset.sync.enable")).toHaveValue("false");
    await editor.getByLabel("New value of consumer.offset.sync.enable").selectOption("true");
    await editor.getByRole("button", { name: "Review 1 change (dry run)" }).click();
    await expect(editor.getByRole("table", { name: /accepted these changes in a dry run/ })).toContainText("consumer.offset.sync.enable");
    expect((await sim.linkHalf("us-west", "e2e-admin-link"))?.configs["consumer.offset.sync.enable"]).toBe("false");
    await editor.getByRole("button", { name: "Apply" }).click();
    await expect(editor.getByText("consumer.offset.sync.enable changed in one batch.")).toBeVisible();
    expect((await sim.linkHalf("us-west", "e2e-admin-link"))?.configs["consumer.offset.sync.enable"]).toBe("true");
    await expect(editor.getByRole("button", { name: "Review 0 changes (dry run)" })).toBeDisabled();
    await editor.getByRole("button", { name: "Close" }).click();

    await page.getByRole("button", { name: "Delete link" }).click();
    const dialog = page.getByRole("dialog", { name: "Delete e2e-admin-link on us-west" });
    await expect(dialog.getByText("Dry run: the cluster would accept the deletion.")).toBeVisible();
    const del = dialog.getByRole("button", { name: "Delete the link on us-west" });
    await expect(del).toBeDisabled();
    await dialog.getByLabel(/Type the link name/).fill("e2e-admin-lin");
    await expect(del).toBeDisabled();
    await dialog.getByLabel(/Type the link name/).fill("e2e-admin-link");
    await del.click();
    await expect(dialog.getByText('Deleted "e2e-admin-link".')).toBeVisible();
    expect(await sim.linkHalf("us-west", "e2e-admin-link")).toBeNull();
  });
});
