import "server-only";
import type { LinkConfigChange } from "@/lib/confluent/types";
import type { AlterLinkConfigsRequest, AlterLinkConfigsResponse, ConfigChangeView } from "@/lib/api/link-admin";
import { isSecretConfigName } from "@/lib/domain/links/link-config-rules";
import { ApiError } from "../http/api-error";
import { failureText, requireCluster, upstream, type LinkAdminDeps } from "./upstream";

/**
 * PATCH …/links/{link}/configs: refuses configs the cluster reports read-only (naming them), applies the rest in one
 * batch (or one by one where the server has no configs:alter), and answers with a diff that never carries a
 * sensitive value, neither the old one (never read back) nor the new one.
 */
export async function alterLinkConfigs(
  clusterName: string,
  linkName: string,
  req: AlterLinkConfigsRequest,
  deps: LinkAdminDeps,
): Promise<AlterLinkConfigsResponse> {
  const { client } = requireCluster(deps, clusterName);
  const current = new Map((await upstream(clusterName, () => client.linkConfigs.list(linkName))).map((c) => [c.name, c]));
  const names = [...Object.keys(req.set), ...req.reset];
  const readOnly = names.filter((n) => current.get(n)?.isReadOnly);
  if (readOnly.length > 0) {
    throw new ApiError(
      "invalid-request",
      `Invalid body: ${readOnly.join(", ")} ${readOnly.length === 1 ? "is" : "are"} read-only on ${clusterName}.`,
      {
        issues: readOnly.map((n) => ({ path: `set.${n}`, message: "is read-only" })),
      },
    );
  }
  const sensitive = (name: string) => current.get(name)?.isSensitive === true || isSecretConfigName(name);
  const changes: LinkConfigChange[] = [
    ...Object.entries(req.set).map(([name, value]): LinkConfigChange => ({ name, operation: "SET", value })),
    ...req.reset.map((name): LinkConfigChange => ({ name, operation: "DELETE" })),
  ];
  const diff: ConfigChangeView[] = changes.map((c) => ({
    name: c.name,
    operation: c.operation === "SET" ? "SET" : "RESET",
    before: sensitive(c.name) ? null : (current.get(c.name)?.value ?? null),
    after: c.operation === "SET" && !sensitive(c.name) ? c.value : null,
    sensitive: sensitive(c.name),
  }));
  const secrets = changes.flatMap((c) => (c.operation === "SET" && sensitive(c.name) ? [c.value] : []));
  const result = await upstream(clusterName, async () => {
    try {
      return await client.linkConfigs.alter(linkName, changes, { validateOnly: req.validateOnly });
    } catch (err) {
      // Belt and braces: the client scrubs config secrets from its messages; scrub again before anything leaves.
      if (err instanceof Error) err.message = failureText(err, secrets);
      throw err;
    }
  });
  if (!req.validateOnly && result.applied.length > 0) deps.invalidate();
  return {
    validateOnly: req.validateOnly,
    atomic: result.atomic,
    changes: diff,
    applied: result.applied,
    failed: result.failed ? { name: result.failed.name, error: failureText(result.failed.error, secrets) } : null,
    notAttempted: result.notAttempted,
  };
}
