import { isObject, type JsonObject } from "./openapi-to-json-schema";
import type { LoadedSpec, Operation } from "./spec-index";

/**
 * The complete allow-list of places where the validator deliberately departs from the canonical Confluent Cloud spec,
 * each because shared/refs/cluster-linking-rest-v3.md records that real servers behave differently from the document.
 * Anything not listed here is validated exactly as the spec says; never loosen schemas wholesale.
 *
 * Disagreements that need no patch (the converted spec already accepts what real servers send):
 * - link config `source: "DEFAULT_CONFIG"` (trap 9): `source` is an x-extensible-enum, and extensible enums are open.
 * - `mirror_lags` as a plain array (trap 6): the CC spec's MirrorLags already is `type: array`.
 * - unknown link_state / link_error / task state / state_category values (trap 14): all x-extensible-enum.
 * - extra doc-quirk fields such as top-level `resource_name` or `metadata.resource` (trap 24): no schema forbids extra keys.
 */
export interface Tolerance {
  id: string;
  /** Where the reference documents the real behaviour. */
  reference: string;
  apply(cc: LoadedSpec, cp: LoadedSpec): void;
}

const ERROR_JSON = { "application/json": { $ref: "#/components/schemas/Error" } };
const CP_PREFIX = "/kafka/v3"; // CP spec paths start at /clusters; Confluent Server serves them under /kafka/v3 (trap 19)

export const TOLERANCES: readonly Tolerance[] = [
  {
    id: "link-config-value-null",
    reference: "§5 ListLinkConfigsResponseData, trap 9: real CC returns value null for sensitive and unset configs (tf fixture)",
    apply(cc) {
      const value = componentProperty(cc, "ListLinkConfigsResponseData_allOf", "value");
      value.nullable = true;
    },
  },
  {
    id: "links-404",
    reference: "§2: an unknown link (or mirror/config under it) gives 404 with an Error body [kcp, tf]; the spec lists only 400/401/429/5XX",
    apply(cc) {
      for (const op of cc.operations) if (op.template.includes("/links")) op.responses["404"] ??= { content: { ...ERROR_JSON } };
    },
  },
  {
    id: "consumer-groups-404",
    reference:
      "not in the reference: Confluent's kafka-rest answers an unknown consumer group with 404 and an Error body (checkEntityExists, " +
      "\"Consumer Group %s could not be found.\"); the spec lists only 400/401/403/429/5XX for the consumer-group operations",
    apply(cc) {
      for (const op of cc.operations) if (op.template.includes("/consumer-groups/{consumer_group_id}")) op.responses["404"] ??= { content: { ...ERROR_JSON } };
    },
  },
  {
    id: "create-link-409",
    reference: "§2: creating a link that already exists answers 409 [kcp]",
    apply(cc) {
      operation(cc, "POST", "/kafka/v3/clusters/{cluster_id}/links").responses["409"] ??= { content: { ...ERROR_JSON } };
    },
  },
  {
    id: "delete-link-204",
    reference: "§3 row 4, trap 17: delete link is documented as 200 with no content; servers send 204",
    apply(cc) {
      operation(cc, "DELETE", "/kafka/v3/clusters/{cluster_id}/links/{link_name}").responses["204"] ??= { content: {} };
    },
  },
  {
    id: "cp-list-clusters",
    reference: "§1 Confluent Platform: cluster id discovery with GET /kafka/v3/clusters (CP spec only; CC has no list)",
    apply(cc, cp) {
      cc.operations.push(operation(cp, "GET", `${CP_PREFIX}/clusters`));
    },
  },
  {
    id: "cp-promote-local-actions",
    reference: "§3 availability, §12: CP ≤2024-06 serves the reverse actions as mirrors:promote-local-and-{start,pause}-remote-mirror",
    apply(cc, cp) {
      for (const action of ["promote-local-and-start-remote-mirror", "promote-local-and-pause-remote-mirror"]) {
        cc.operations.push(operation(cp, "POST", `${CP_PREFIX}/clusters/{cluster_id}/links/{link_name}/mirrors:${action}`));
      }
    },
  },
];

function operation(spec: LoadedSpec, method: string, template: string): Operation {
  const op = spec.operations.find((o) => o.method === method && o.template === template);
  if (!op) throw new Error(`Tolerance refers to ${method} ${template}, which ${spec.id} no longer has: revisit tolerances.ts`);
  return op;
}

function componentProperty(spec: LoadedSpec, schemaName: string, property: string): JsonObject {
  const schema = spec.componentSchemas[schemaName];
  const prop = isObject(schema) && isObject(schema.properties) ? schema.properties[property] : undefined;
  if (!isObject(prop)) throw new Error(`Tolerance refers to ${schemaName}.${property}, which ${spec.id} no longer has: revisit tolerances.ts`);
  return prop;
}
