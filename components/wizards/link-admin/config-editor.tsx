"use client";
import { useMemo, useState } from "react";
import type { AlterLinkConfigsResponse } from "@/lib/api/link-admin";
import type { LinkConfigView } from "@/lib/api/links";
import { useAlterLinkConfigs } from "@/lib/client/use-link-admin";
import { configChoices, editableConfigsFor, isSecretConfigName, validateLinkConfigValue } from "@/lib/domain/links/link-config-rules";
import { Button } from "../ui/button";
import { describedBy, Select, TextArea, TextInput } from "../ui/field";
import { Notice } from "../ui/notice";
import { ConfigName } from "./config-name";

type Edit = { kind: "set"; value: string } | { kind: "reset" };

const LONG = /filters$|jaas\.config$/;

/**
 * Edits the link's editable configs (the vendor's allow-list; read-only ones are not offered). Sensitive ones can
 * be replaced, never read. Changes are validated by the cluster first (a dry run showing the diff), then applied.
 */
export function ConfigEditor({
  cluster,
  link,
  configs,
  linkMode,
  connectionMode,
}: {
  cluster: string;
  link: string;
  configs: LinkConfigView[];
  linkMode: string;
  connectionMode: string;
}) {
  const alter = useAlterLinkConfigs(cluster, link);
  const [edits, setEdits] = useState<Record<string, Edit>>({});
  const [review, setReview] = useState<AlterLinkConfigsResponse | null>(null);
  // What this dialog applied, shown as the current value until the link's configs are read again (the fleet
  // snapshot can be one poll interval behind the change).
  const [appliedHere, setAppliedHere] = useState<Record<string, Edit>>({});
  const rows = useMemo(
    () =>
      editableConfigsFor(linkMode, connectionMode)
        .map((name) => {
          const c = configs.find((x) => x.name === name);
          const done = appliedHere[name];
          const current = done ? (done.kind === "set" ? done.value : null) : (c?.value ?? null);
          const isDefault = done ? done.kind === "reset" : (c?.isDefault ?? true);
          return {
            name,
            current,
            isDefault,
            sensitive: c?.isSensitive === true || isSecretConfigName(name),
            readOnly: c?.isReadOnly === true,
          };
        })
        .filter((r) => !r.readOnly),
    [configs, linkMode, connectionMode, appliedHere],
  );
  const problems = Object.fromEntries(
    Object.entries(edits).flatMap(([name, e]) => {
      const p = e.kind === "set" ? validateLinkConfigValue(name, e.value) : null;
      return p ? [[name, p]] : [];
    }),
  );
  const changed = Object.keys(edits);
  const body = (validateOnly: boolean) => ({
    set: Object.fromEntries(Object.entries(edits).flatMap(([n, e]) => (e.kind === "set" ? [[n, e.value]] : []))),
    reset: Object.entries(edits).flatMap(([n, e]) => (e.kind === "reset" ? [n] : [])),
    validateOnly,
  });
  const edit = (name: string, e: Edit | null) => {
    setReview(null);
    alter.reset();
    setEdits((prev) => {
      const next = { ...prev };
      if (e) next[name] = e;
      else delete next[name];
      return next;
    });
  };
  const applied = alter.data && !alter.data.validateOnly;

  return (
    <div className="space-y-3">
      <p className="text-sm text-muted">
        Only configs the vendor allows editing are listed. <span className="font-mono">link.mode</span>,{" "}
        <span className="font-mono">connection.mode</span> and <span className="font-mono">cluster.link.prefix</span> are fixed when a link
        is created. Sensitive values are never shown: type a new one to replace it.
      </p>
      <div className="flex flex-wrap gap-2">
        <Button
          disabled={changed.length === 0 || Object.keys(problems).length > 0 || alter.isPending}
          onClick={() => alter.mutate(body(true), { onSuccess: (r) => setReview(r) })}
        >
          Review {changed.length} change{changed.length === 1 ? "" : "s"} (dry run)
        </Button>
        <Button
          variant="primary"
          disabled={!review || !!alter.data?.failed || alter.isPending || !!applied}
          onClick={() =>
            alter.mutate(body(false), {
              onSuccess: (r) => {
                // What was applied is no longer a pending change: the Review button counts only new edits.
                const done = Object.fromEntries(Object.entries(edits).filter(([name]) => r.applied.includes(name)));
                setAppliedHere((prev) => ({ ...prev, ...done }));
                setEdits((prev) => Object.fromEntries(Object.entries(prev).filter(([name]) => !r.applied.includes(name))));
              },
            })
          }
        >
          Apply
        </Button>
      </div>
      {alter.isError ? (
        <Notice tone="err" title="Not accepted">
          {alter.error.message}
        </Notice>
      ) : null}
      {review ? (
        <table className="w-full text-sm">
          <caption className="text-left text-sm font-medium">The cluster accepted these changes in a dry run:</caption>
          <thead className="text-left text-xs text-muted">
            <tr>
              <th className="pb-1 font-medium">Config</th>
              <th className="pb-1 font-medium">Now</th>
              <th className="pb-1 font-medium">After</th>
            </tr>
          </thead>
          <tbody>
            {review.changes.map((c) => (
              <tr key={c.name} className="border-t border-border align-top">
                <td className="py-1 pr-2">
                  <ConfigName name={c.name} className="font-mono" />
                </td>
                <td className="py-1 pr-2 font-mono break-all text-muted">{c.sensitive ? "(hidden)" : (c.before ?? "(not set)")}</td>
                <td className="py-1 font-mono break-all">
                  {c.operation === "RESET" ? "(default)" : c.sensitive ? "(new value, hidden)" : c.after}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {applied ? (
        alter.data.failed ? (
          <Notice tone="err" title={`${alter.data.failed.name} was not changed`}>
            <p>{alter.data.failed.error}</p>
            {alter.data.applied.length > 0 ? (
              <p>Already applied (this server changes configs one at a time): {alter.data.applied.join(", ")}.</p>
            ) : null}
            {alter.data.notAttempted.length > 0 ? <p>Not attempted: {alter.data.notAttempted.join(", ")}.</p> : null}
          </Notice>
        ) : (
          <Notice tone="ok" title="Applied">
            {alter.data.applied.join(", ")} {alter.data.atomic ? "changed in one batch." : "changed one at a time."}
          </Notice>
        )
      ) : null}
      <ul className="divide-y divide-border">
        {rows.map((r) => {
          const e = edits[r.name];
          const id = `cfg-${r.name.replace(/\W/g, "-")}`;
          const current = r.sensitive ? "" : (r.current ?? "");
          const value = e?.kind === "set" ? e.value : e?.kind === "reset" ? "" : current;
          const choices = r.sensitive ? null : configChoices(r.name);
          // Typing the current value back (or clearing a field) is no change at all.
          const change = (v: string) => edit(r.name, v === "" || (!r.sensitive && v === current) ? null : { kind: "set", value: v });
          const Control = LONG.test(r.name) && !r.sensitive ? TextArea : TextInput;
          const common = {
            "aria-label": `New value of ${r.name}`,
            ...describedBy(id, { error: problems[r.name] }),
            disabled: e?.kind === "reset",
            invalid: !!problems[r.name],
          };
          return (
            <li key={r.name} className="grid gap-2 py-2 md:grid-cols-[16rem_1fr_auto] md:items-start">
              <div className="min-w-0">
                <ConfigName name={r.name} className="font-mono text-sm" />
                <p className="text-xs text-muted">
                  {r.sensitive
                    ? r.isDefault
                      ? "sensitive · not set"
                      : "sensitive · set (hidden)"
                    : r.isDefault
                      ? "default"
                      : "set on this link"}
                  {e ? <span className="ml-1 font-medium text-warn">· {e.kind === "reset" ? "reset to default" : "changed"}</span> : null}
                </p>
              </div>
              <div className="min-w-0 space-y-1">
                {choices ? (
                  <Select {...common} value={value} onChange={(ev) => change(ev.target.value)}>
                    {value === "" ? <option value="">{e?.kind === "reset" ? "(default)" : "(not set)"}</option> : null}
                    {choices.map((c) => (
                      <option key={c} value={c}>
                        {c}
                      </option>
                    ))}
                  </Select>
                ) : (
                  <Control
                    {...common}
                    type={r.sensitive ? "password" : undefined}
                    autoComplete={r.sensitive ? "new-password" : "off"}
                    value={value}
                    placeholder={e?.kind === "reset" ? "(default)" : r.sensitive ? "type a new value to replace it" : "(not set)"}
                    onChange={(ev: { target: { value: string } }) => change(ev.target.value)}
                  />
                )}
                {e?.kind === "set" && !r.sensitive ? (
                  <p className="text-xs text-muted">
                    Now: <span className="font-mono break-all">{r.current ?? "(not set)"}</span>
                  </p>
                ) : null}
                {problems[r.name] ? (
                  <p id={`${id}-error`} role="alert" className="text-sm text-err">
                    {problems[r.name]}
                  </p>
                ) : null}
              </div>
              <label className="flex items-center gap-1.5 text-xs text-muted">
                <input
                  type="checkbox"
                  checked={e?.kind === "reset"}
                  disabled={r.isDefault && e?.kind !== "reset"}
                  onChange={(ev) => edit(r.name, ev.target.checked ? { kind: "reset" } : null)}
                />
                Reset to default
              </label>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
