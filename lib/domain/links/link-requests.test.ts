import { describe, expect, it } from "vitest";
import {
  buildHalfRequests,
  cliCommand,
  jaasLine,
  maskConfigValue,
  restRequestView,
  secretsOf,
  terraformSnippet,
  type HalfRequest,
  type LinkPlan,
} from "./link-requests";
import { topicFiltersJson } from "./topic-filters";

const PRIMARY = { name: "primary", id: "lkc-p7rm1q", bootstrap: "SASL_SSL://primary.sim.local:9092" };
const JUMP = { name: "jump", id: "lkc-j4mp2x", bootstrap: "SASL_SSL://jump.sim.local:9092" };
const DR = { name: "dr", id: "lkc-d9r3kv", bootstrap: "dr.sim.local:9092" };

const JUMP_SECRET = "jump-api-secret-0123456789";
const PRIMARY_SECRET = "primary-api-secret-9876543210";
const jumpCreds = { securityProtocol: "SASL_SSL", saslMechanism: "PLAIN", username: "jump-api-key", password: JUMP_SECRET } as const;
const primaryCreds = {
  securityProtocol: "SASL_SSL",
  saslMechanism: "PLAIN",
  username: "primary-api-key",
  password: PRIMARY_SECRET,
} as const;

const filters = topicFiltersJson([
  { name: "mirror_me", patternType: "PREFIXED", filterType: "INCLUDE" },
  { name: "no_mirror", patternType: "PREFIXED", filterType: "EXCLUDE" },
]);

/** Seed 002, first leg: primary (private) → jump (public), source-initiated. */
const sourceInitiated: LinkPlan = {
  name: "primary-to-jump",
  kind: "source-initiated",
  source: PRIMARY,
  destination: JUMP,
  credentials: jumpCreds,
  localCredentials: primaryCreds,
  configs: { "auto.create.mirror.topics.enable": "true", "auto.create.mirror.topics.filters": filters },
};

const asMap = (h: HalfRequest) => Object.fromEntries(h.configs.map((c) => [c.name, c.value]));
const everyText = (h: HalfRequest) =>
  [JSON.stringify(restRequestView(h, { validateOnly: false })), JSON.stringify(cliCommand(h)), terraformSnippet(h)].join("\n");

describe("source-initiated (seed 002, primary-to-jump)", () => {
  const halves = buildHalfRequests(sourceInitiated);

  it("creates the destination's INBOUND half first, then the source half", () => {
    expect(halves.map((h) => [h.host.name, h.role, h.linkMode])).toEqual([
      ["jump", "destination-inbound", "DESTINATION"],
      ["primary", "source-outbound", "SOURCE"],
    ]);
  });

  it("sends source_cluster_id on the INBOUND half (not the spec example's destination_cluster_id) and destination_cluster_id on the source half", () => {
    expect(restRequestView(halves[0]!, { validateOnly: false }).body).toMatchObject({ source_cluster_id: "lkc-p7rm1q" });
    expect(restRequestView(halves[0]!, { validateOnly: false }).body).not.toHaveProperty("destination_cluster_id");
    expect(restRequestView(halves[1]!, { validateOnly: false }).body).toMatchObject({ destination_cluster_id: "lkc-j4mp2x" });
    expect(restRequestView(halves[1]!, { validateOnly: false }).body).not.toHaveProperty("source_cluster_id");
  });

  it("puts exactly the seed's configs on the jump (INBOUND) half, plus the behaviour configs", () => {
    expect(asMap(halves[0]!)).toEqual({
      "link.mode": "DESTINATION",
      "connection.mode": "INBOUND",
      "auto.create.mirror.topics.enable": "true",
      "auto.create.mirror.topics.filters": filters,
    });
  });

  it("puts exactly the seed's configs on the primary (SOURCE) half: destination bootstrap and credentials, local.* for itself", () => {
    expect(halves[1]!.configs).toEqual([
      { name: "link.mode", value: "SOURCE" },
      { name: "connection.mode", value: "OUTBOUND" },
      { name: "bootstrap.servers", value: "SASL_SSL://jump.sim.local:9092" },
      { name: "security.protocol", value: "SASL_SSL" },
      { name: "sasl.mechanism", value: "PLAIN" },
      {
        name: "sasl.jaas.config",
        value: `org.apache.kafka.common.security.plain.PlainLoginModule required username='jump-api-key' password='${JUMP_SECRET}';`,
      },
      { name: "local.bootstrap.servers", value: "SASL_SSL://primary.sim.local:9092" },
      { name: "local.security.protocol", value: "SASL_SSL" },
      { name: "local.sasl.mechanism", value: "PLAIN" },
      {
        name: "local.sasl.jaas.config",
        value: `org.apache.kafka.common.security.plain.PlainLoginModule required username='primary-api-key' password='${PRIMARY_SECRET}';`,
      },
    ]);
  });

  it("carries a known cluster_link_id on the source half when given one", () => {
    const [, source] = buildHalfRequests(sourceInitiated, { clusterLinkId: "QyWLm8aWRqmGqVpiqXLOHA" });
    expect(restRequestView(source!, { validateOnly: false }).body.cluster_link_id).toBe("QyWLm8aWRqmGqVpiqXLOHA");
  });

  it("CLI commands name the right remote flag per half (seed: --source-cluster on jump, --destination-cluster on primary)", () => {
    expect(cliCommand(halves[0]!).command).toBe(
      "confluent kafka link create primary-to-jump \\\n  --cluster lkc-j4mp2x \\\n  --source-cluster lkc-p7rm1q \\\n  --config cl-primary-to-jump.jump.config",
    );
    expect(cliCommand(halves[1]!).command).toContain("--destination-cluster lkc-j4mp2x");
    expect(cliCommand(halves[1]!).fileName).toBe("cl-primary-to-jump.primary.config");
    expect(cliCommand(halves[0]!).file).toBe(
      `link.mode=DESTINATION\nconnection.mode=INBOUND\nauto.create.mirror.topics.enable=true\nauto.create.mirror.topics.filters=${filters}\n`,
    );
  });

  it("Terraform: INBOUND destination half and OUTBOUND SOURCE half, credentials as variables", () => {
    expect(terraformSnippet(halves[0]!)).toContain('link_mode = "DESTINATION"');
    expect(terraformSnippet(halves[0]!)).toContain('connection_mode = "INBOUND"');
    expect(terraformSnippet(halves[1]!)).toContain('link_mode = "SOURCE"');
    expect(terraformSnippet(halves[1]!)).toContain("secret = var.jump_api_secret");
    expect(terraformSnippet(halves[0]!)).toContain('"auto.create.mirror.topics.enable" = "true"');
  });

  it("never shows a secret in the REST view, the CLI file or the Terraform snippet", () => {
    for (const h of halves) {
      const text = everyText(h);
      for (const secret of secretsOf(sourceInitiated)) expect(text).not.toContain(secret);
    }
    expect(JSON.stringify(restRequestView(halves[1]!, { validateOnly: false }))).toContain("password='***'");
  });

  it("requires local credentials", () => {
    expect(() => buildHalfRequests({ ...sourceInitiated, localCredentials: undefined })).toThrow(/local credentials/);
  });
});

describe("source-initiated with SCRAM local credentials (seed 001, onprem-to-cloud)", () => {
  it("uses the ScramLoginModule and SCRAM-SHA-512 for local.*", () => {
    const plan: LinkPlan = {
      name: "onprem-to-cloud",
      kind: "source-initiated",
      source: { name: "onprem", id: "vQ3mJx8kR2yTnL5pWz0aHg", bootstrap: "kafka.dc1.corp.example:9092" },
      destination: { name: "cloud", id: "lkc-c10ud7", bootstrap: "pkc-x8k2m.eu-central-1.aws.confluent.cloud:9092" },
      credentials: { securityProtocol: "SASL_SSL", saslMechanism: "PLAIN", username: "cloud-key", password: "cloud-secret-xyz" },
      localCredentials: {
        securityProtocol: "SASL_PLAINTEXT",
        saslMechanism: "SCRAM-SHA-512",
        username: "cp-to-cloud-link",
        password: "1LINK2RUL3TH3MALL",
      },
      configs: {},
    };
    const [, source] = buildHalfRequests(plan);
    const map = asMap(source!);
    expect(map["bootstrap.servers"]).toBe("pkc-x8k2m.eu-central-1.aws.confluent.cloud:9092");
    expect(map["local.security.protocol"]).toBe("SASL_PLAINTEXT");
    expect(map["local.sasl.mechanism"]).toBe("SCRAM-SHA-512");
    expect(map["local.sasl.jaas.config"]).toBe(
      "org.apache.kafka.common.security.scram.ScramLoginModule required username='cp-to-cloud-link' password='1LINK2RUL3TH3MALL';",
    );
    expect(everyText(source!)).not.toContain("1LINK2RUL3TH3MALL");
    expect(everyText(source!)).not.toContain("cloud-secret-xyz");
  });
});

describe("destination-initiated (seed 002, jump-to-dr)", () => {
  const plan: LinkPlan = {
    name: "jump-to-dr",
    kind: "destination-initiated",
    source: JUMP,
    destination: DR,
    credentials: jumpCreds,
    configs: { "consumer.offset.sync.enable": "true" },
  };
  const halves = buildHalfRequests(plan);

  it("is one half on the destination with source_cluster_id and the source's bootstrap and credentials", () => {
    expect(halves).toHaveLength(1);
    const h = halves[0]!;
    expect(h.host.name).toBe("dr");
    expect(restRequestView(h, { validateOnly: true })).toEqual({
      method: "POST",
      path: "/kafka/v3/clusters/lkc-d9r3kv/links?link_name=jump-to-dr&validate_only=true",
      body: {
        source_cluster_id: "lkc-j4mp2x",
        configs: [
          { name: "link.mode", value: "DESTINATION" },
          { name: "connection.mode", value: "OUTBOUND" },
          { name: "bootstrap.servers", value: "SASL_SSL://jump.sim.local:9092" },
          { name: "security.protocol", value: "SASL_SSL" },
          { name: "sasl.mechanism", value: "PLAIN" },
          {
            name: "sasl.jaas.config",
            value: "org.apache.kafka.common.security.plain.PlainLoginModule required username='jump-api-key' password='***';",
          },
          { name: "consumer.offset.sync.enable", value: "true" },
        ],
      },
    });
  });

  it("keeps the secret in the unmasked configs only (what is sent upstream)", () => {
    expect(asMap(halves[0]!)["sasl.jaas.config"]).toContain(JUMP_SECRET);
    expect(everyText(halves[0]!)).not.toContain(JUMP_SECRET);
  });

  it("CLI and Terraform", () => {
    expect(cliCommand(halves[0]!).command).toContain("--source-cluster lkc-j4mp2x");
    const tf = terraformSnippet(halves[0]!);
    expect(tf).toContain('resource "confluent_cluster_link" "jump_to_dr_dr"');
    expect(tf).toContain('bootstrap_endpoint = "SASL_SSL://jump.sim.local:9092"');
    expect(tf).toContain("rest_endpoint = var.dr_rest_endpoint");
  });

  it("sends no SASL configs for SSL or PLAINTEXT", () => {
    const [h] = buildHalfRequests({ ...plan, credentials: { securityProtocol: "SSL" } });
    expect(h!.configs.map((c) => c.name)).toEqual([
      "link.mode",
      "connection.mode",
      "bootstrap.servers",
      "security.protocol",
      "consumer.offset.sync.enable",
    ]);
  });

  it("refuses a source without bootstrap servers", () => {
    expect(() => buildHalfRequests({ ...plan, source: { ...JUMP, bootstrap: null } })).toThrow(/no bootstrap servers/);
  });

  it("works with an external source (no configured name)", () => {
    const [h] = buildHalfRequests({ ...plan, source: { name: null, id: "lkc-ext123", bootstrap: "ext:9092" } });
    expect(restRequestView(h!, { validateOnly: false }).body.source_cluster_id).toBe("lkc-ext123");
    expect(terraformSnippet(h!)).toContain('id = "lkc-ext123"');
  });
});

describe("bidirectional (active-active)", () => {
  const EAST = { name: "us-east", id: "lkc-ea5t1k", bootstrap: "pkc-e1x9p.us-east-1.aws.confluent.cloud:9092" };
  const WEST = { name: "us-west", id: "lkc-we5t2m", bootstrap: "pkc-w2y7q.us-west-2.aws.confluent.cloud:9092" };
  const plan: LinkPlan = {
    name: "east-west-2",
    kind: "bidirectional",
    source: EAST,
    destination: WEST,
    credentials: { securityProtocol: "SASL_SSL", saslMechanism: "PLAIN", username: "east-key", password: "east-secret-abc" },
    destinationCredentials: { securityProtocol: "SASL_SSL", saslMechanism: "PLAIN", username: "west-key", password: "west-secret-def" },
    configs: { "cluster.link.prefix": "east." },
    sourceConfigs: { "cluster.link.prefix": "west." },
  };
  const halves = buildHalfRequests(plan, { clusterLinkId: "eEBkTffYSESld6EO898x3w" });

  it("creates a half on each cluster with remote_cluster_id, each dialling the other with the other's credentials", () => {
    expect(halves.map((h) => h.host.name)).toEqual(["us-west", "us-east"]);
    expect(restRequestView(halves[0]!, { validateOnly: false }).body).toMatchObject({ remote_cluster_id: "lkc-ea5t1k" });
    expect(restRequestView(halves[0]!, { validateOnly: false }).body).not.toHaveProperty("cluster_link_id");
    expect(restRequestView(halves[1]!, { validateOnly: false }).body).toMatchObject({
      remote_cluster_id: "lkc-we5t2m",
      cluster_link_id: "eEBkTffYSESld6EO898x3w",
    });
    expect(asMap(halves[0]!)).toMatchObject({
      "link.mode": "BIDIRECTIONAL",
      "bootstrap.servers": EAST.bootstrap,
      "cluster.link.prefix": "east.",
    });
    expect(asMap(halves[0]!)["sasl.jaas.config"]).toContain("east-secret-abc");
    expect(asMap(halves[1]!)).toMatchObject({ "bootstrap.servers": WEST.bootstrap, "cluster.link.prefix": "west." });
    expect(asMap(halves[1]!)["sasl.jaas.config"]).toContain("west-secret-def");
    expect(asMap(halves[0]!)).not.toHaveProperty("connection.mode");
  });

  it("CLI uses --remote-cluster; Terraform uses local/remote blocks; no secret anywhere", () => {
    expect(cliCommand(halves[1]!).command).toContain("--remote-cluster lkc-we5t2m");
    expect(terraformSnippet(halves[1]!)).toContain("local_kafka_cluster {");
    expect(terraformSnippet(halves[1]!)).toContain("remote_kafka_cluster {");
    for (const h of halves) for (const s of secretsOf(plan)) expect(everyText(h)).not.toContain(s);
  });

  it("requires the destination's credentials", () => {
    expect(() => buildHalfRequests({ ...plan, destinationCredentials: undefined })).toThrow(/both clusters/);
  });
});

describe("masking", () => {
  it("masks the password of any JAAS line, whichever quotes", () => {
    expect(maskConfigValue("sasl.jaas.config", `x.ScramLoginModule required username="u" password="p@ss'word";`)).toBe(
      'x.ScramLoginModule required username="u" password="***";',
    );
    expect(
      maskConfigValue("local.sasl.jaas.config", jaasLine({ securityProtocol: "SASL_SSL", username: "k", password: "s3cr3t!" })),
    ).not.toContain("s3cr3t!");
  });

  it("masks a JAAS line without a recognisable password entirely, and every other secret-named config", () => {
    expect(maskConfigValue("sasl.jaas.config", "something odd")).toBe("***");
    expect(maskConfigValue("ssl.key.password", "hunter22")).toBe("***");
    expect(maskConfigValue("ssl.keystore.key", "-----BEGIN")).toBe("***");
    expect(maskConfigValue("bootstrap.servers", "a:9092")).toBe("a:9092");
  });

  it("escapes ${ in Terraform strings", () => {
    const [h] = buildHalfRequests({
      name: "l",
      kind: "destination-initiated",
      source: JUMP,
      destination: DR,
      credentials: { securityProtocol: "PLAINTEXT" },
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a config value that merely looks like a template, on purpose
      configs: { "topic.config.sync.include": "${x}" },
    });
    expect(terraformSnippet(h!)).toContain('"$${x}"');
  });
});
