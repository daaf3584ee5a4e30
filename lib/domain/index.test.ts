import { describe, expect, it } from "vitest";
import * as domain from "./index";

describe("lib/domain public surface", () => {
  it("exposes the derivation, the contract schemas and the helpers", () => {
    for (const name of [
      "deriveTopology",
      "TopologySchema",
      "TopologyLinkSchema",
      "TopologyClusterSchema",
      "PartitionStatesSchema",
      "upstreamOf",
      "downstreamOf",
      "blastRadiusOf",
      "derivePartitionStates",
      "categoryOfMirrorStatus",
      "isMirrorInError",
      "compareMirrorStatusSeverity",
      "rollupLinkState",
      "validateLinkName",
      "validateTopicName",
      "LinkNameSchema",
      "linkIdOf",
    ]) {
      expect(domain, name).toHaveProperty(name);
    }
  });
});
