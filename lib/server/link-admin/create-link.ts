import "server-only";
import type { ConfluentClient } from "@/lib/confluent/client";
import type { CreateLinkInput } from "@/lib/confluent/types";
import type { CreateLinkRequest, CreateLinkResponse, LinkStep } from "@/lib/api/link-admin";
import { buildHalfRequests, restRequestView, secretsOf, type HalfRequest, type LinkPlan } from "@/lib/domain/links/link-requests";
import { attemptsOf, createWaitingForPartner, isPartnerMissing, type PartnerWaitOptions } from "./partner-wait";
import { resolveLinkPlan } from "./resolve-link-plan";
import { failureText, type LinkAdminDeps } from "./upstream";

export interface CreateLinkOptions {
  partnerWait?: PartnerWaitOptions;
}

function createInput(half: HalfRequest): CreateLinkInput {
  const id = half.remote.id;
  const ids =
    half.idField === "source_cluster_id"
      ? { sourceClusterId: id }
      : half.idField === "destination_cluster_id"
        ? { destinationClusterId: id }
        : { remoteClusterId: id };
  return { ...ids, ...(half.clusterLinkId ? { clusterLinkId: half.clusterLinkId } : {}), configs: half.configs };
}

const hostName = (half: HalfRequest) => half.host.name ?? half.host.id;

function step(half: HalfRequest, validateOnly: boolean, outcome: Pick<LinkStep, "status" | "error" | "note" | "attempts">): LinkStep {
  return {
    cluster: hostName(half),
    half: half.label,
    role: half.role,
    ok: outcome.status === "ok",
    request: restRequestView(half, { validateOnly }),
    ...outcome,
  };
}

const DRY_RUN_SOURCE_NOTE =
  "Checked as far as a dry run can: the destination accepted the bootstrap servers, the network path and the credentials, then answered that its half does not exist yet, which is expected because the dry run created nothing. The source cluster's local credentials are checked only on Create.";

/** The client resolveLinkPlan opened for a half's host (it opens one for every host of the plan). */
function clientOf(clients: Map<string, ConfluentClient>, half: HalfRequest): ConfluentClient {
  const client = clients.get(hostName(half));
  if (!client) throw new Error(`no client was opened for ${hostName(half)}`);
  return client;
}

async function validateHalves(plan: LinkPlan, clients: Map<string, ConfluentClient>): Promise<LinkStep[]> {
  const secrets = secretsOf(plan);
  const steps: LinkStep[] = [];
  for (const half of buildHalfRequests(plan)) {
    const client = clientOf(clients, half);
    try {
      await client.links.create(half.linkName, createInput(half), { validateOnly: true });
      steps.push(step(half, true, { status: "ok", attempts: 1 }));
    } catch (err) {
      if (half.role === "source-outbound" && isPartnerMissing(err))
        steps.push(step(half, true, { status: "ok", attempts: 1, note: DRY_RUN_SOURCE_NOTE }));
      else steps.push(step(half, true, { status: "failed", attempts: 1, error: failureText(err, secrets) }));
    }
  }
  return steps;
}

/** The second half pairs with the first by cluster_link_id; reading it back lets the cluster check the pairing. */
async function clusterLinkIdOf(client: ConfluentClient, linkName: string): Promise<string | undefined> {
  try {
    const id = (await client.links.get(linkName)).clusterLinkId;
    return id || undefined;
  } catch {
    return undefined;
  }
}

async function createHalves(plan: LinkPlan, clients: Map<string, ConfluentClient>, options: CreateLinkOptions): Promise<LinkStep[]> {
  const secrets = secretsOf(plan);
  let halves = buildHalfRequests(plan);
  const steps: LinkStep[] = [];
  for (let i = 0; i < halves.length; i++) {
    const half = halves[i];
    if (!half) break;
    if (steps.some((s) => s.status !== "ok")) {
      steps.push(step(half, false, { status: "skipped", attempts: 0, error: "Not attempted: the step before it failed." }));
      continue;
    }
    const client = clientOf(clients, half);
    const create = () => client.links.create(half.linkName, createInput(half), { validateOnly: false });
    try {
      const { attempts } =
        half.role === "source-outbound"
          ? await createWaitingForPartner(create, options.partnerWait)
          : await create().then(() => ({ attempts: 1 }));
      steps.push(step(half, false, { status: "ok", attempts }));
      if (i === 0 && halves.length > 1) {
        const clusterLinkId = await clusterLinkIdOf(client, plan.name);
        if (clusterLinkId) halves = buildHalfRequests(plan, { clusterLinkId });
      }
    } catch (err) {
      steps.push(step(half, false, { status: "failed", attempts: attemptsOf(err), error: failureText(err, secrets) }));
    }
  }
  return steps;
}

function partialOutcome(plan: LinkPlan, steps: LinkStep[]): CreateLinkResponse["partial"] {
  const created = steps.filter((s) => s.status === "ok");
  const missing = steps.filter((s) => s.status !== "ok");
  const [first] = created;
  const [absent] = missing;
  if (!first || !absent) return null;
  const summary =
    plan.kind === "source-initiated"
      ? `The destination half of "${plan.name}" exists on ${first.cluster} (INBOUND, waiting for the source to connect), but the source half on ${absent.cluster} was not created, so no data flows.`
      : `The half of "${plan.name}" on ${first.cluster} exists and mirrors from ${absent.cluster}, but the half on ${absent.cluster} was not created, so data flows only from ${absent.cluster} to ${first.cluster}.`;
  const finish = `To finish, fix the problem reported for ${absent.cluster} and create that half alone (its CLI command and REST request are on the review page), or delete the half on ${first.cluster} and start again.`;
  const undoable = plan.destination.name !== null && first.cluster === plan.destination.name;
  return {
    summary,
    created: created.map((s) => ({ cluster: s.cluster, half: s.half })),
    undo: undoable ? { cluster: first.cluster, link: plan.name } : null,
    finish,
  };
}

/** POST /api/links: validates or creates every half, in order, and says exactly what exists afterwards. */
export async function createLink(
  req: CreateLinkRequest,
  deps: LinkAdminDeps,
  options: CreateLinkOptions = {},
): Promise<CreateLinkResponse> {
  const { plan, clients } = await resolveLinkPlan(req, deps);
  const steps = req.validateOnly ? await validateHalves(plan, clients) : await createHalves(plan, clients, options);
  if (!req.validateOnly && steps.some((s) => s.status === "ok")) deps.invalidate();
  return {
    validateOnly: req.validateOnly,
    name: plan.name,
    kind: plan.kind,
    ok: steps.every((s) => s.ok),
    steps,
    partial: req.validateOnly ? null : partialOutcome(plan, steps),
  };
}
