import { describe, expect, it } from "vitest";
import { parseBootstrap } from "./bootstrap";
import { SimClock } from "./clock";
import { nameIncluded, parseAclFilters, parseTopicFilters } from "./filters";
import { parseJaas } from "./jaas";
import { LinkConfigs, validateConfigValue } from "./link-configs";
import { TimerQueue } from "./timers";

describe("config string parsing", () => {
  it("reads credentials from PLAIN and SCRAM JAAS strings, either quote style", () => {
    expect(parseJaas("org.apache.kafka.common.security.plain.PlainLoginModule required username='K' password='S';")).toEqual({
      username: "K",
      password: "S",
    });
    expect(
      parseJaas(
        'org.apache.kafka.common.security.scram.ScramLoginModule required username="cp-to-cloud-link" password="1LINK2RUL3TH3MALL";',
      ),
    ).toEqual({
      username: "cp-to-cloud-link",
      password: "1LINK2RUL3TH3MALL",
    });
    expect(parseJaas("nonsense")).toBeNull();
  });

  it("parses bootstrap lists with protocol prefixes", () => {
    expect(parseBootstrap("SASL_SSL://Jump.sim.local:9092, other:1")).toEqual([
      { host: "jump.sim.local", port: 9092 },
      { host: "other", port: 1 },
    ]);
  });

  it("topic filters: PREFIXED/LITERAL, * means all, exclude wins", () => {
    const r = parseTopicFilters(
      JSON.stringify({
        topicFilters: [
          { name: "mirror_me", patternType: "PREFIXED", filterType: "INCLUDE" },
          { name: "no_mirror", patternType: "PREFIXED", filterType: "EXCLUDE" },
          { name: "exact", patternType: "LITERAL", filterType: "INCLUDE" },
          { name: "mirror_me_not", patternType: "PREFIXED", filterType: "EXCLUDE" },
        ],
      }),
    );
    if (!r.ok) throw new Error(r.error);
    expect(nameIncluded(r.value, "mirror_me_orders")).toBe(true);
    expect(nameIncluded(r.value, "no_mirror_secret")).toBe(false);
    expect(nameIncluded(r.value, "exact")).toBe(true);
    expect(nameIncluded(r.value, "exactly")).toBe(false);
    expect(nameIncluded(r.value, "mirror_me_not_this")).toBe(false);
    const all = parseTopicFilters('{"topicFilters":[{"name":"*","patternType":"LITERAL","filterType":"INCLUDE"}]}');
    expect(all.ok && nameIncluded(all.value, "anything")).toBe(true);
    expect(parseTopicFilters("").ok).toBe(true);
    expect(parseTopicFilters("{not json").ok).toBe(false);
    expect(parseAclFilters('{"aclFilters": [{"resourceFilter": {').ok).toBe(false);
  });

  it("validates link config values and hides sensitive ones in listings", () => {
    expect(validateConfigValue("link.mode", "SIDEWAYS")).toMatch(/DESTINATION, SOURCE, BIDIRECTIONAL/);
    expect(validateConfigValue("auto.create.mirror.topics.enable", "yes")).toMatch(/true or false/);
    expect(validateConfigValue("consumer.offset.sync.ms", "30000")).toBeNull();
    const c = new LinkConfigs([
      ["sasl.jaas.config", "secret"],
      ["acl.sync.ms", "5100"],
    ]);
    expect(c.describe("sasl.jaas.config")).toMatchObject({ value: null, sensitive: true, isDefault: false });
    expect(c.describe("acl.sync.ms")).toMatchObject({ value: "5100", isDefault: false });
    expect(c.describe("cluster.link.retry.timeout.ms")).toMatchObject({ value: "300000", readOnly: true, isDefault: true });
    expect(c.listing().length).toBe(56);
  });
});

describe("clock and timers", () => {
  it("manual clock moves only when advanced; real-time runs at speed", () => {
    let real = 1_000;
    const manual = new SimClock({ start: 0, mode: "manual", realNow: () => real });
    real += 5_000;
    expect(manual.now()).toBe(0);
    manual.advance(250);
    expect(manual.now()).toBe(250);
    const fast = new SimClock({ start: 0, mode: "realtime", speed: 10, realNow: () => real });
    real += 1_000;
    expect(fast.now()).toBe(10_000);
    fast.setMode("manual");
    real += 1_000;
    expect(fast.now()).toBe(10_000);
  });

  it("fires timers by time, then by insertion order", () => {
    const q = new TimerQueue();
    const seen: string[] = [];
    q.schedule(20, () => seen.push("b"));
    q.schedule(10, () => seen.push("a"));
    q.schedule(20, () => seen.push("c"));
    for (let t = q.pop(); t; t = q.pop()) t.run(t.time);
    expect(seen).toEqual(["a", "b", "c"]);
  });
});
