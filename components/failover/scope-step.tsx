"use client";
import { ClusterStatusBadge } from "@/components/ui/cluster-status-badge";
import { LinkStateBadge } from "@/components/ui/state-badge";
import type { ClusterStatus } from "@/lib/api/clusters";
import { fedBy, feedingSources } from "./failed-source";
import type { MirrorHost } from "./runbook-model";
import type { ScopeMode } from "./use-runbook-url-state";

export interface ScopeStepProps {
  hosts: MirrorHost[];
  cluster: string;
  scope: ScopeMode;
  links: readonly string[];
  disabled: boolean;
  onChange: (patch: { cluster?: string; scope?: ScopeMode; links?: string[] }) => void;
  /** A cluster that is down, to scope by what it feeds ("" when none). */
  source: string;
  onSource: (source: string) => void;
}

/** "primary is down": per destination, one click scopes the runbook to every link primary feeds there. */
function FailedSource({
  hosts,
  source,
  cluster,
  onSource,
  onChange,
}: Pick<ScopeStepProps, "hosts" | "source" | "cluster" | "onSource" | "onChange">) {
  const sources = feedingSources(hosts);
  if (sources.length === 0) return null;
  const fed = source ? fedBy(hosts, source) : [];
  return (
    <div className="space-y-2 rounded-md border border-border p-3">
      <label className="block text-sm">
        <span className="block font-semibold">Is a source cluster down? Start from it (or choose the destination below)</span>
        <select
          value={source}
          onChange={(e) => onSource(e.target.value)}
          className="mt-1 w-full max-w-md rounded border border-border bg-surface px-2 py-1.5 text-sm"
        >
          <option value="">None chosen</option>
          {sources.map((s) => (
            <option key={s} value={s}>
              {s} is down: fail over everything it feeds
            </option>
          ))}
        </select>
      </label>
      {source ? (
        <ul className="space-y-1 text-sm" aria-label={`What ${source} feeds`}>
          {fed.map((d) => (
            <li key={d.cluster} className="flex flex-wrap items-center gap-2">
              <button
                type="button"
                onClick={() => onChange({ cluster: d.cluster, scope: "links", links: d.links })}
                aria-pressed={cluster === d.cluster}
                className={`rounded border px-2 py-1 ${cluster === d.cluster ? "border-accent bg-info-bg font-semibold" : "border-border hover:bg-surface-2"}`}
              >
                Fail over on {d.cluster}
              </button>
              <span className="text-muted">
                {d.links.length === 1 ? "1 link" : `${d.links.length} links`} from {source}:{" "}
                <span className="font-mono">{d.links.join(", ")}</span>
              </span>
            </li>
          ))}
          {fed.length > 1 ? <li className="text-muted">Each destination is its own run: do them one after another.</li> : null}
        </ul>
      ) : null}
    </div>
  );
}

/** Which mirrors: the destination cluster first (where mirrors become writable), then one link, several, or all of them. */
export function ScopeStep({ hosts, cluster, scope, links, disabled, onChange, source, onSource }: ScopeStepProps) {
  const host = hosts.find((h) => h.cluster === cluster);
  const selected = new Set(scope === "cluster" ? (host?.links.map((l) => l.name) ?? []) : links);
  const toggle = (name: string) => {
    if (scope === "link") return onChange({ links: [name] });
    const next = new Set(selected);
    if (next.has(name)) next.delete(name);
    else next.add(name);
    onChange({ links: host?.links.map((l) => l.name).filter((n) => next.has(n)) ?? [] });
  };
  return (
    <fieldset disabled={disabled} className="space-y-4">
      <legend className="sr-only">Scope</legend>
      <FailedSource hosts={hosts} source={source} cluster={cluster} onSource={onSource} onChange={onChange} />
      <label className="block text-sm">
        <span className="block font-semibold">Destination cluster (where the mirrors become writable topics)</span>
        <select
          value={cluster}
          onChange={(e) => onChange({ cluster: e.target.value, links: [] })}
          className="mt-1 w-full max-w-md rounded border border-border bg-surface px-2 py-1.5 text-sm"
        >
          <option value="">Choose a cluster…</option>
          {hosts.map((h) => (
            <option key={h.cluster} value={h.cluster}>
              {h.cluster} — {h.displayName} ({h.links.length} link{h.links.length === 1 ? "" : "s"} with mirrors)
            </option>
          ))}
        </select>
      </label>
      {host && host.status !== "ok" ? (
        <p role="alert" className="flex items-center gap-2 rounded bg-err-bg px-3 py-2 text-sm text-fg">
          <ClusterStatusBadge status={host.status as ClusterStatus} /> Linkscope cannot read {host.cluster} right now: nothing can be
          changed there until it answers.
        </p>
      ) : null}
      {host ? (
        <>
          <div role="radiogroup" aria-label="Scope" className="flex flex-wrap gap-2">
            {(
              [
                ["link", "One link"],
                ["links", "Several links"],
                ["cluster", `Every mirror on ${host.cluster}`],
              ] as const
            ).map(([value, label]) => (
              <label
                key={value}
                className={`cursor-pointer rounded border px-3 py-1.5 text-sm ${scope === value ? "border-accent bg-info-bg font-semibold" : "border-border"}`}
              >
                <input
                  type="radio"
                  name="scope"
                  value={value}
                  checked={scope === value}
                  onChange={() => onChange({ scope: value, links: value === "link" ? links.slice(0, 1) : [...links] })}
                  className="sr-only"
                />
                {label}
              </label>
            ))}
          </div>
          <ul className="space-y-1" aria-label={`Links whose mirrors ${host.cluster} hosts`}>
            {host.links.map((l) => (
              <li key={l.id}>
                <label className="flex flex-wrap items-center gap-2 text-sm">
                  <input
                    type={scope === "link" ? "radio" : "checkbox"}
                    name="scope-link"
                    checked={selected.has(l.name)}
                    onChange={() => toggle(l.name)}
                    disabled={scope === "cluster"}
                    aria-label={`Link ${l.name}`}
                  />
                  <span className="font-mono font-semibold">{l.name}</span>
                  <span className="text-muted">
                    {l.source ?? "?"} → {l.destination ?? "?"} · {l.mirrorCount} mirror{l.mirrorCount === 1 ? "" : "s"}
                  </span>
                  <LinkStateBadge state={l.state} />
                </label>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </fieldset>
  );
}
