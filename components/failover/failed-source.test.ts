import { describe, expect, it } from "vitest";
import type { TopologyLink } from "@/lib/domain/types";
import { fedBy, feedingSources } from "./failed-source";
import type { MirrorHost } from "./runbook-model";

const link = (name: string, source: string, destination: string) => ({ name, source, destination }) as unknown as TopologyLink;
const hosts: MirrorHost[] = [
  { cluster: "jump", displayName: "J", status: "ok", links: [link("primary-to-jump", "primary", "jump")] },
  { cluster: "dr", displayName: "D", status: "ok", links: [link("jump-to-dr", "jump", "dr"), link("primary-to-dr", "primary", "dr")] },
];

describe("failed source scope", () => {
  it("lists the clusters that feed mirrors, and per destination the links each one feeds", () => {
    expect(feedingSources(hosts)).toEqual(["jump", "primary"]);
    expect(fedBy(hosts, "primary")).toEqual([
      { cluster: "jump", links: ["primary-to-jump"] },
      { cluster: "dr", links: ["primary-to-dr"] },
    ]);
    expect(fedBy(hosts, "dr")).toEqual([]);
  });
});
