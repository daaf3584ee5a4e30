"use client";
import { Search } from "lucide-react";
import clsx from "clsx";
import { useId, useState } from "react";
import type { LinkConfigView } from "@/lib/api/links";
import { EmptyState } from "@/components/ui/empty-state";
import { groupConfigs } from "./config-groups";
import { ConfigValue } from "./config-value";

function Flags({ config }: { config: LinkConfigView }) {
  const flags = [config.isDefault && "default", config.isReadOnly && "read-only", config.isSensitive && "sensitive"].filter(Boolean) as string[];
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

/** Link configs in groups: changed values stand out, defaults are dimmed (or hidden), secrets are never shown. */
export function LinkConfigs({ configs }: { configs: readonly LinkConfigView[] }) {
  const [hideDefaults, setHideDefaults] = useState(false);
  const [filter, setFilter] = useState("");
  const searchId = useId();
  const needle = filter.trim().toLowerCase();
  const matching = needle ? configs.filter((c) => c.name.toLowerCase().includes(needle)) : configs;
  const groups = groupConfigs(matching, { hideDefaults });
  const changed = configs.filter((c) => !c.isDefault).length;

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
          <input type="checkbox" checked={hideDefaults} onChange={(e) => setHideDefaults(e.target.checked)} className="size-4 accent-[var(--accent)]" />
          Hide defaults
        </label>
        <span className="text-muted">
          {configs.length} configs, {changed} set explicitly
        </span>
      </div>
      {groups.length === 0 ? (
        <EmptyState title={needle ? `No config name contains “${filter.trim()}”.` : "The cluster reported no configs for this link."} />
      ) : (
        groups.map((g) => (
          <section key={g.id} aria-labelledby={`config-group-${g.id}`}>
            <h3 id={`config-group-${g.id}`} className="text-sm font-semibold">
              {g.title}
            </h3>
            <p className="text-xs text-muted">{g.description}</p>
            {g.configs.length > 0 ? (
              <table className="mt-1 w-full table-fixed text-left text-sm" data-testid={`config-group-${g.id}`}>
                <caption className="sr-only">{g.title} configs</caption>
                <thead className="sr-only">
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Value</th>
                    <th scope="col">Flags</th>
                  </tr>
                </thead>
                <tbody>
                  {g.configs.map((c) => (
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
            ) : null}
            {g.hiddenDefaults > 0 ? (
              <p className="mt-1 text-xs text-muted">
                {g.hiddenDefaults} default{g.hiddenDefaults === 1 ? "" : "s"} hidden
              </p>
            ) : null}
          </section>
        ))
      )}
    </div>
  );
}
