"use client";
import { Search } from "lucide-react";
import clsx from "clsx";
import { useId, useState } from "react";
import type { LinkConfigView } from "@/lib/api/links";
import { EmptyState } from "@/components/ui/empty-state";
import { groupConfigs } from "./config-groups";
import { ConfigValue } from "./config-value";

function Flags({ config }: { config: LinkConfigView }) {
  const flags = [config.isDefault && "default", config.isReadOnly && "read-only", config.isSensitive && "sensitive"].filter(
    Boolean,
  ) as string[];
  return (
    <span className="flex flex-wrap gap-1">
      {flags.map((f) => (
        <span key={f} className="rounded bg-neutral-bg px-1.5 py-0.5 text-[11px] font-medium text-neutral">
          {f}
        </span>
      ))}
    </span>
  );
}

function ConfigRows({ configs, caption }: { configs: readonly LinkConfigView[]; caption: string }) {
  return (
    <table className="mt-1 w-full table-fixed text-left text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead className="sr-only">
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Value</th>
          <th scope="col">Flags</th>
        </tr>
      </thead>
      <tbody>
        {configs.map((c) => (
          <tr
            key={c.name}
            data-testid={`config-${c.name}`}
            data-default={c.isDefault || undefined}
            className={clsx("border-t border-border align-top", c.isDefault && "text-muted opacity-80")}
          >
            <th scope="row" className="w-2/5 break-all py-1.5 pr-3 font-mono text-xs font-normal">
              <span className={c.isDefault ? "" : "font-semibold text-fg"}>{c.name}</span>
            </th>
            <td className="py-1.5 pr-3">
              <ConfigValue config={c} />
            </td>
            <td className="w-40 py-1.5">
              <Flags config={c} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * Link configs in groups. What someone set is shown first and in full; defaults are dimmed and folded away
 * under each group (a filter unfolds them), so the few values that matter are not lost among fifty defaults.
 * Secrets are never shown.
 */
export function LinkConfigs({ configs }: { configs: readonly LinkConfigView[] }) {
  const [filter, setFilter] = useState("");
  const [showDefaults, setShowDefaults] = useState(false);
  const searchId = useId();
  const needle = filter.trim().toLowerCase();
  const matching = needle ? configs.filter((c) => c.name.toLowerCase().includes(needle)) : configs;
  const groups = groupConfigs(matching);
  const changed = configs.filter((c) => !c.isDefault).length;
  const openDefaults = showDefaults || needle !== "";

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <label htmlFor={searchId} className="sr-only">
          Filter configs by name
        </label>
        <span className="relative">
          <Search aria-hidden className="pointer-events-none absolute left-2 top-1/2 size-4 -translate-y-1/2 text-muted" />
          <input
            id={searchId}
            type="search"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            placeholder="Filter by name"
            className="w-56 rounded border border-border bg-surface py-1 pl-7 pr-2 text-sm"
          />
        </span>
        <label className="inline-flex cursor-pointer items-center gap-1.5">
          <input
            type="checkbox"
            checked={showDefaults}
            onChange={(e) => setShowDefaults(e.target.checked)}
            className="size-4 accent-[var(--accent)]"
          />
          Show defaults
        </label>
        <span className="text-muted">
          {configs.length} configs, {changed} set explicitly
        </span>
      </div>
      {groups.length === 0 ? (
        <EmptyState title={needle ? `No config name contains “${filter.trim()}”.` : "The cluster reported no configs for this link."} />
      ) : (
        groups.map((g) => {
          const set = g.configs.filter((c) => !c.isDefault);
          const defaults = g.configs.filter((c) => c.isDefault);
          return (
            <section key={g.id} aria-labelledby={`config-group-${g.id}`} data-testid={`config-group-${g.id}`}>
              <h3 id={`config-group-${g.id}`} className="text-sm font-semibold">
                {g.title}
              </h3>
              <p className="text-xs text-muted">{g.description}</p>
              {set.length > 0 ? (
                <ConfigRows configs={set} caption={`${g.title}: configs set explicitly`} />
              ) : (
                <p className="mt-1 border-t border-border py-1.5 text-sm text-muted">Nothing set explicitly: all at their defaults.</p>
              )}
              {defaults.length > 0 ? (
                // Keyed on the wanted state so the filter and the checkbox can open it; the reader can still toggle it by hand.
                <details key={openDefaults ? "open" : "closed"} open={openDefaults} className="mt-1">
                  <summary className="cursor-pointer text-xs text-muted hover:text-fg">
                    {defaults.length} default{defaults.length === 1 ? "" : "s"}
                  </summary>
                  <ConfigRows configs={defaults} caption={`${g.title}: configs at their defaults`} />
                </details>
              ) : null}
            </section>
          );
        })
      )}
    </div>
  );
}
