"use client";
import Link from "next/link";
import { useMemo, useState } from "react";
import type { CreateMirrorsResponse } from "@/lib/api/mirror-admin";
import { useClusters } from "@/lib/client/use-clusters";
import { useLinkDetail } from "@/lib/client/use-link";
import { useClusterTopics, useCreateMirrors } from "@/lib/client/use-mirror-admin";
import { useLinkMirrors } from "@/lib/client/use-mirrors";
import { usePermission } from "@/lib/client/permissions";
import { mirrorCliCommand, mirrorNameOf } from "@/lib/domain/mirrors/mirror-requests";
import { ApiErrorNotice } from "@/components/ui/api-error-notice";
import { Button, buttonClass } from "../ui/button";
import { CodeBlock } from "../ui/code-block";
import { describedBy, Field, TextArea, TextInput } from "../ui/field";
import { Notice } from "../ui/notice";
import { MirrorResults } from "./mirror-results";
import { checkName } from "./name-check";
import { TopicPicker } from "./topic-picker";

const CHECK_TONE = { ok: "text-ok", warn: "text-warn", err: "text-err", muted: "text-muted" } as const;

const typedNames = (text: string) => [
  ...new Set(
    text
      .split(/[\s,]+/)
      .map((t) => t.trim())
      .filter(Boolean),
  ),
];

function parseConfigs(text: string): { configs: Record<string, string>; problem: string | null } {
  const configs: Record<string, string> = {};
  for (const line of text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)) {
    const eq = line.indexOf("=");
    if (eq <= 0) return { configs, problem: `"${line}" is not name=value.` };
    configs[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
  }
  return { configs, problem: null };
}

/** Pick source topics, see their mirror names, check them, create them, and watch them become ACTIVE. */
export function CreateMirrorWizard({ cluster, link }: { cluster: string; link: string }) {
  const permission = usePermission("admin");
  const detail = useLinkDetail(cluster, link);
  const clusters = useClusters();
  const mirrors = useLinkMirrors(cluster, link);
  const remote = detail.data?.remoteCluster ?? null;
  const remoteConfigured = remote !== null && (clusters.data?.clusters ?? []).some((c) => c.name === remote && c.status !== "external");
  const topics = useClusterTopics(remoteConfigured ? remote : null);
  const create = useCreateMirrors(cluster, link);

  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [typed, setTyped] = useState("");
  const [rf, setRf] = useState("");
  const [configText, setConfigText] = useState("");
  const [result, setResult] = useState<CreateMirrorsResponse | null>(null);

  const prefix = detail.data?.configs.find((c) => c.name === "cluster.link.prefix")?.value ?? "";
  const mirrored = useMemo(() => new Set((mirrors.data ?? []).map((m) => m.sourceTopic)), [mirrors.data]);
  const chosen = [...new Set([...selected, ...typedNames(typed)])];
  const { configs, problem: configProblem } = parseConfigs(configText);
  const rfProblem = rf !== "" && !/^\d{1,2}$/.test(rf) ? "A whole number such as 3, or empty to let the cluster decide." : null;
  const createdHere = useMemo(
    () => new Set(result && !result.validateOnly ? result.results.filter((r) => r.ok).map((r) => r.topic) : []),
    [result],
  );
  const sourceTopics = useMemo(() => (topics.data ? new Set(topics.data.map((t) => t.name)) : null), [topics.data]);
  const checks = chosen.map((t) => ({ t, check: checkName(t, { prefix, mirrored, createdHere, sourceTopics, source: remote }) }));
  // Once created, the same topics cannot be created again: Create counts only what is still to do.
  const pending = chosen.filter((t) => !createdHere.has(t));
  const blocking = pending.length === 0 || configProblem !== null || rfProblem !== null || checks.some((c) => c.check.blocking);
  const clusterId = clusters.data?.clusters.find((c) => c.name === cluster)?.id ?? `<id of ${cluster}>`;

  if (detail.isError) return <ApiErrorNotice error={detail.error} cluster={cluster} what={`link ${link}`} />;
  if (detail.isPending)
    return (
      <p className="text-sm text-muted">
        Reading link {link} on {cluster}…
      </p>
    );
  if (detail.data.linkMode === "SOURCE") {
    return (
      <Notice tone="warn" title="This half hosts no mirrors">
        {link} on {cluster} is the source half of a source-initiated link. Mirrors are created on the destination&apos;s half
        {remote ? ` (on ${remote})` : ""}.
      </Notice>
    );
  }

  const body = (validateOnly: boolean) => ({
    topics: pending.map((t) => ({ source: t })),
    ...(rf ? { replicationFactor: Number(rf) } : {}),
    ...(Object.keys(configs).length > 0 ? { configs } : {}),
    validateOnly,
  });
  const run = (validateOnly: boolean) => {
    setResult(null);
    create.mutate(body(validateOnly), { onSuccess: setResult });
  };

  return (
    <div className="space-y-4">
      <Link
        href={`/clusters/${encodeURIComponent(cluster)}/links/${encodeURIComponent(link)}`}
        className="text-sm text-accent hover:underline"
      >
        ← Back to link {link}
      </Link>
      {!permission.allowed ? (
        <Notice tone="warn" title="You cannot create mirrors">
          {permission.reason}
        </Notice>
      ) : null}
      <section aria-labelledby="pick-heading" className="space-y-2 rounded-lg border border-border bg-surface p-4">
        <h2 id="pick-heading" className="text-base font-semibold">
          1. Source topics {remote ? `on ${remote}` : ""}
        </h2>
        {remoteConfigured && remote !== null ? (
          <TopicPicker
            topics={topics}
            mirrored={mirrored}
            createdHere={createdHere}
            selected={selected}
            onChange={setSelected}
            source={remote}
          />
        ) : (
          <p className="text-sm text-muted">
            The source cluster{remote ? ` ${remote}` : ""} is not configured in Linkscope, so its topics cannot be listed: type their names
            below.
          </p>
        )}
        <Field id="typed-topics" label="Or type topic names" hint="Separated by spaces, commas or new lines.">
          <TextArea
            id="typed-topics"
            rows={2}
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            aria-describedby="typed-topics-hint"
            spellCheck={false}
          />
        </Field>
      </section>

      <section aria-labelledby="names-heading" className="space-y-2 rounded-lg border border-border bg-surface p-4">
        <h2 id="names-heading" className="text-base font-semibold">
          2. Mirror names {prefix ? `(prefix "${prefix}")` : "(no prefix: mirrors keep their source names)"}
        </h2>
        {chosen.length === 0 ? (
          <p className="text-sm text-muted">No topics chosen yet.</p>
        ) : (
          <table className="w-full text-sm">
            <caption className="sr-only">Source topics and the mirror topics they become on {cluster}</caption>
            <thead className="text-left text-xs text-muted">
              <tr>
                <th className="pb-1 font-medium">Source topic</th>
                <th className="pb-1 font-medium">Mirror topic on {cluster}</th>
                <th className="pb-1 font-medium">Check</th>
              </tr>
            </thead>
            <tbody>
              {checks.map(({ t, check }) => (
                <tr key={t} className="border-t border-border">
                  <td className="py-1 pr-2 font-mono break-all">{t}</td>
                  <td className="py-1 pr-2 font-mono break-all">{mirrorNameOf(prefix, t)}</td>
                  <td className={`py-1 ${CHECK_TONE[check.tone]}`}>{check.text}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <details className="text-sm">
          <summary className="cursor-pointer font-medium">Options: replication factor and topic configs</summary>
          <div className="mt-2 grid gap-3 md:grid-cols-2">
            <Field
              id="rf"
              label="Replication factor"
              hint="Leave empty on Confluent Cloud (it accepts only its own value)."
              error={rfProblem ?? undefined}
            >
              <TextInput
                value={rf}
                onChange={(e) => setRf(e.target.value)}
                {...describedBy("rf", { hint: true, error: rfProblem })}
                invalid={!!rfProblem}
                inputMode="numeric"
              />
            </Field>
            <Field
              id="topic-configs"
              label="Topic config overrides"
              hint="name=value, one per line (e.g. retention.ms=604800000)."
              error={configProblem ?? undefined}
            >
              <TextArea
                value={configText}
                onChange={(e) => setConfigText(e.target.value)}
                {...describedBy("topic-configs", { hint: true, error: configProblem })}
                invalid={!!configProblem}
                rows={3}
              />
            </Field>
          </div>
        </details>
      </section>

      <section aria-labelledby="create-heading" className="space-y-3 rounded-lg border border-border bg-surface p-4">
        <h2 id="create-heading" className="text-base font-semibold">
          3. Check and create
        </h2>
        <p className="text-sm text-muted">
          Clusters offer no dry run for mirror creation: &quot;Check&quot; runs Linkscope&apos;s own checks (names, the prefix rule, topics
          that already exist on {cluster}, source topics that do not exist).
        </p>
        <div className="flex flex-wrap gap-2">
          <Button onClick={() => run(true)} disabled={blocking || create.isPending}>
            Check
          </Button>
          <Button variant="primary" onClick={() => run(false)} disabled={blocking || create.isPending || !permission.allowed}>
            Create {pending.length} mirror{pending.length === 1 ? "" : "s"}
          </Button>
        </div>
        {create.isPending ? (
          <p role="status" className="text-sm text-muted">
            Working…
          </p>
        ) : null}
        {create.isError ? (
          <Notice tone="err" title="The request was refused">
            {create.error.message}
          </Notice>
        ) : null}
        {result ? <MirrorResults result={result} mirrors={mirrors.data ?? []} cluster={cluster} /> : null}
        {result && !result.validateOnly && result.results.some((r) => r.ok) ? (
          <Link href={`/clusters/${encodeURIComponent(cluster)}/links/${encodeURIComponent(link)}`} className={buttonClass("secondary")}>
            Back to the link
          </Link>
        ) : null}
        {chosen.length > 0 ? (
          <CodeBlock
            title="Equivalent Confluent CLI commands"
            text={chosen
              .map((t) =>
                mirrorCliCommand({ clusterId, link, sourceTopic: t, prefix, replicationFactor: rf ? Number(rf) : undefined, configs }),
              )
              .join("\n")}
          />
        ) : null}
      </section>
    </div>
  );
}
