import { describe, expect, it } from "vitest";
import type { LinkConfigView } from "@/lib/api/links";
import { configGroupOf, configValueView, groupConfigs } from "./config-groups";

const cfg = (name: string, value: string | null, extra: Partial<LinkConfigView> = {}): LinkConfigView => ({
  name,
  value,
  isDefault: false,
  isReadOnly: false,
  isSensitive: false,
  ...extra,
});

describe("configGroupOf", () => {
  it.each([
    ["link.mode", "connection"],
    ["connection.mode", "connection"],
    ["bootstrap.servers", "connection"],
    ["sasl.jaas.config", "connection"],
    ["local.sasl.jaas.config", "connection"],
    ["source.security.protocol", "connection"],
    ["ssl.truststore.type", "connection"],
    ["cluster.link.prefix", "mirroring"],
    ["auto.create.mirror.topics.filters", "mirroring"],
    ["mirror.start.offset.spec", "mirroring"],
    ["topic.config.sync.ms", "mirroring"],
    ["replica.fetch.max.bytes", "mirroring"],
    ["consumer.offset.sync.enable", "offset-sync"],
    ["consumer.offset.group.filters", "offset-sync"],
    ["consumer.group.prefix.enable", "offset-sync"],
    ["acl.sync.enable", "acl-sync"],
    ["acl.filters", "acl-sync"],
    ["some.future.config", "other"],
  ])("%s → %s", (name, group) => {
    expect(configGroupOf(name)).toBe(group);
  });
});

describe("groupConfigs", () => {
  const configs = [
    cfg("ssl.protocol", "TLSv1.3", { isDefault: true }),
    cfg("bootstrap.servers", "b:9092"),
    cfg("link.mode", "DESTINATION"),
    cfg("acl.sync.ms", "5000", { isDefault: true }),
    cfg("acl.filters", "{}"),
    cfg("zzz.unknown", "1"),
  ];

  it("groups in display order, puts explicitly set values and pinned names first, and drops empty groups", () => {
    const groups = groupConfigs(configs);
    expect(groups.map((g) => g.id)).toEqual(["connection", "acl-sync", "other"]);
    expect(groups[0]!.configs.map((c) => c.name)).toEqual(["link.mode", "bootstrap.servers", "ssl.protocol"]);
    expect(groups[1]!.configs.map((c) => c.name)).toEqual(["acl.filters", "acl.sync.ms"]);
  });

  it("can hide defaults and says how many it hid", () => {
    const groups = groupConfigs(configs, { hideDefaults: true });
    expect(groups[0]!.configs.map((c) => c.name)).toEqual(["link.mode", "bootstrap.servers"]);
    expect(groups[0]!.hiddenDefaults).toBe(1);
    expect(groups.find((g) => g.id === "acl-sync")!.hiddenDefaults).toBe(1);
  });

  it("keeps a group whose configs are all hidden defaults so the count stays visible", () => {
    const groups = groupConfigs([cfg("acl.sync.ms", "5000", { isDefault: true })], { hideDefaults: true });
    expect(groups).toEqual([expect.objectContaining({ id: "acl-sync", configs: [], hiddenDefaults: 1 })]);
  });
});

describe("configValueView", () => {
  it("masks sensitive values even if a value slipped through", () => {
    expect(configValueView(cfg("sasl.jaas.config", "secret", { isSensitive: true }))).toEqual({ kind: "sensitive" });
  });

  it("tells unset from empty", () => {
    expect(configValueView(cfg("cluster.link.prefix", null))).toEqual({ kind: "unset" });
    expect(configValueView(cfg("acl.filters", ""))).toEqual({ kind: "empty" });
  });

  it("pretty-prints filter JSON", () => {
    const view = configValueView(
      cfg("auto.create.mirror.topics.filters", '{"topicFilters":[{"name":"orders","patternType":"PREFIXED","filterType":"INCLUDE"}]}'),
    );
    expect(view.kind).toBe("json");
    expect(view.kind === "json" && view.pretty).toContain('\n  "topicFilters": [\n');
  });

  it("flags broken filter JSON with the parser's reason and keeps the raw text", () => {
    const raw = '{"aclFilters": [{"resourceFilter": {"resourceType": "topic"}';
    const view = configValueView(cfg("acl.filters", raw));
    expect(view).toMatchObject({ kind: "invalid-json", raw });
    expect(view.kind === "invalid-json" && view.problem.length).toBeGreaterThan(0);
  });

  it("leaves other values as text, even JSON-looking ones", () => {
    expect(configValueView(cfg("bootstrap.servers", "{x}"))).toEqual({ kind: "text", text: "{x}" });
  });
});
