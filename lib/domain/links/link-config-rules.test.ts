import { describe, expect, it } from "vitest";
import {
  EDITABLE_CONFIGS,
  editableConfigsFor,
  isEditableConfig,
  isImmutableConfig,
  isSecretConfigName,
  validateBootstrapServers,
  validateLinkConfigValue,
  validateStartOffsetSpec,
} from "./link-config-rules";

describe("link config rules", () => {
  it("edits the vendor's allow-list and connection settings, never the immutable ones", () => {
    expect(isEditableConfig("consumer.offset.sync.enable")).toBe(true);
    expect(isEditableConfig("sasl.jaas.config")).toBe(true);
    expect(isEditableConfig("cluster.link.prefix")).toBe(false);
    expect(isImmutableConfig("cluster.link.prefix")).toBe(true);
    expect(isEditableConfig("link.mode")).toBe(false);
    expect(isEditableConfig("request.timeout.ms")).toBe(false);
    expect(EDITABLE_CONFIGS).not.toContain("connection.mode");
  });

  it("offers on each half only the configs that mean something there", () => {
    const inbound = editableConfigsFor("DESTINATION", "INBOUND");
    expect(inbound).toContain("auto.create.mirror.topics.filters");
    expect(inbound).not.toContain("sasl.jaas.config");
    const source = editableConfigsFor("SOURCE", "OUTBOUND");
    expect(source).toEqual(expect.arrayContaining(["bootstrap.servers", "sasl.jaas.config", "local.sasl.jaas.config"]));
    expect(source).not.toContain("consumer.offset.sync.enable");
    const outbound = editableConfigsFor("DESTINATION", "OUTBOUND");
    expect(outbound).toContain("sasl.jaas.config");
    expect(outbound).not.toContain("local.sasl.jaas.config");
  });

  it("knows which names carry secrets", () => {
    for (const n of ["sasl.jaas.config", "local.sasl.jaas.config", "ssl.key.password", "ssl.keystore.key", "ssl.truststore.certificates"])
      expect(isSecretConfigName(n)).toBe(true);
    for (const n of ["sasl.mechanism", "bootstrap.servers", "acl.filters"]) expect(isSecretConfigName(n)).toBe(false);
  });

  it("validates values per name", () => {
    expect(validateLinkConfigValue("consumer.offset.sync.enable", "yes")).toBe('must be "true" or "false"');
    expect(validateLinkConfigValue("consumer.offset.sync.enable", "true")).toBeNull();
    expect(validateLinkConfigValue("consumer.offset.sync.ms", "0")).toMatch(/positive/);
    expect(validateLinkConfigValue("consumer.offset.sync.ms", "30000")).toBeNull();
    expect(validateLinkConfigValue("auto.create.mirror.topics.filters", "{")).toMatch(/not valid JSON/);
    expect(validateLinkConfigValue("auto.create.mirror.topics.filters", "")).toBeNull();
    expect(validateLinkConfigValue("cluster.link.prefix", "bad prefix")).toMatch(/remove spaces/);
    expect(validateLinkConfigValue("cluster.link.prefix", "x".repeat(249))).toMatch(/at most 248/);
    expect(validateLinkConfigValue("cluster.link.prefix", "dr.")).toBeNull();
    expect(validateLinkConfigValue("security.protocol", "TLS")).toMatch(/one of/);
    expect(validateLinkConfigValue("sasl.jaas.config", "hunter2")).toMatch(/JAAS line/);
    expect(validateLinkConfigValue("sasl.jaas.config", "hunter2")).not.toContain("hunter2");
  });

  it("start offsets: earliest, latest or an ISO-8601 timestamp", () => {
    expect(validateStartOffsetSpec("earliest")).toBeNull();
    expect(validateStartOffsetSpec("latest")).toBeNull();
    expect(validateStartOffsetSpec("2026-11-21T15:00:00Z")).toBeNull();
    expect(validateStartOffsetSpec("2026-11-21T15:00:00.123+01:00")).toBeNull();
    expect(validateStartOffsetSpec("yesterday")).not.toBeNull();
    expect(validateStartOffsetSpec("2026-13-45T99:00:00Z")).not.toBeNull();
  });

  it("bootstrap lists", () => {
    expect(validateBootstrapServers("a.example:9092")).toBeNull();
    expect(validateBootstrapServers("SASL_SSL://a:9092,b:9093")).toBeNull();
    expect(validateBootstrapServers("[::1]:9092")).toBeNull();
    expect(validateBootstrapServers("a.example")).toMatch(/host:port/);
    expect(validateBootstrapServers("a:9092,")).toMatch(/comma-separated/);
    expect(validateBootstrapServers("a:99999")).toMatch(/host:port/);
  });
});
