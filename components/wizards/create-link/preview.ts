import type { ClusterSummary } from "@/lib/api/clusters";
import { buildHalfRequests, type HalfRequest, type LinkEnd, type LinkPlan } from "@/lib/domain/links/link-requests";
import { behaviourConfigs, type CredentialsForm, type LinkWizardForm } from "./form-model";

/**
 * The review step's preview of each half, built in the browser with the same code the server runs. Bootstrap
 * servers live only in the server's config, so the preview names them; the server's own (masked) request replaces
 * the preview once Validate or Create has run.
 */
export function previewHalves(f: LinkWizardForm, clusters: readonly ClusterSummary[]): HalfRequest[] | null {
  const end = (name: string): LinkEnd => {
    const c = clusters.find((x) => x.name === name);
    return { name, id: c?.id ?? `<id of ${name}>`, bootstrap: `<bootstrap of ${name} from Linkscope's config>` };
  };
  const creds = (c: CredentialsForm) => ({
    securityProtocol: c.securityProtocol,
    saslMechanism: c.saslMechanism,
    username: c.username,
    password: c.password,
  });
  const plan: LinkPlan = {
    name: f.name || "<link name>",
    kind: f.kind,
    source:
      f.sourceMode === "external"
        ? { name: null, id: f.externalId || "<source id>", bootstrap: f.externalBootstrap || "<source bootstrap>" }
        : end(f.source || "source"),
    destination: end(f.destination || "destination"),
    credentials: creds(f.credentials),
    localCredentials: creds(f.localCredentials),
    destinationCredentials: creds(f.destinationCredentials),
    configs: behaviourConfigs(f),
    sourceConfigs: f.sourcePrefix ? { "cluster.link.prefix": f.sourcePrefix } : undefined,
  };
  try {
    return buildHalfRequests(plan);
  } catch {
    return null;
  }
}
