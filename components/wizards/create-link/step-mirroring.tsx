"use client";
import { useFormContext } from "react-hook-form";
import { aclFiltersJson, groupFiltersJson, topicFiltersJson } from "@/lib/domain/links/topic-filters";
import { CodeBlock } from "../ui/code-block";
import { describedBy, Field, TextInput } from "../ui/field";
import { AclFilterRows, NameFilterRows } from "./filter-rows";
import { aclFilterOf, type LinkWizardForm } from "./form-model";
import { SameNameTopicsWarning } from "./same-name-topics-warning";
import { TopicMatchPreview } from "./topic-match-preview";

function Toggle({ name, label, hint }: { name: "autoCreate" | "offsetSync" | "aclSync"; label: string; hint: string }) {
  const { register } = useFormContext<LinkWizardForm>();
  return (
    <label className="flex items-start gap-2">
      <input type="checkbox" {...register(name)} className="mt-1" />
      <span>
        <span className="block text-sm font-medium">{label}</span>
        <span className="block text-sm text-muted">{hint}</span>
      </span>
    </label>
  );
}

export function StepMirroring() {
  const { register, watch, formState } = useFormContext<LinkWizardForm>();
  const e = formState.errors;
  const f = watch();
  const source = f.sourceMode === "configured" && f.source ? f.source : null;
  return (
    <div className="space-y-5">
      <section className="space-y-2">
        <Toggle
          name="autoCreate"
          label="Create mirror topics automatically"
          hint="auto.create.mirror.topics.enable: the link mirrors every source topic that matches the filters, now and later."
        />
        {f.autoCreate ? (
          <div className="space-y-2 pl-6">
            <NameFilterRows field="topicFilters" what="topic" />
            <CodeBlock title="auto.create.mirror.topics.filters" text={topicFiltersJson(f.topicFilters)} />
            <TopicMatchPreview source={source} filters={f.topicFilters} prefix={f.prefix} />
          </div>
        ) : null}
      </section>
      <section className="space-y-2">
        <Toggle
          name="offsetSync"
          label="Sync consumer offsets"
          hint="consumer.offset.sync.enable: consumers can move to the destination and resume where they were."
        />
        {f.offsetSync ? (
          <div className="space-y-2 pl-6">
            <NameFilterRows field="groupFilters" what="consumer group" />
            <CodeBlock title="consumer.offset.group.filters" text={groupFiltersJson(f.groupFilters)} />
            <Field id="offsetSyncMs" label="Sync interval (ms)" error={e.offsetSyncMs?.message} className="max-w-xs">
              <TextInput
                {...register("offsetSyncMs")}
                {...describedBy("offsetSyncMs", { error: e.offsetSyncMs })}
                invalid={!!e.offsetSyncMs}
                inputMode="numeric"
              />
            </Field>
          </div>
        ) : null}
      </section>
      <section className="space-y-2">
        <Toggle
          name="aclSync"
          label="Sync ACLs"
          hint="acl.sync.enable: copies the source's ACLs that match the filters to the destination."
        />
        {f.aclSync ? (
          <div className="space-y-2 pl-6">
            <AclFilterRows />
            <CodeBlock title="acl.filters" text={aclFiltersJson(f.aclFilters.map(aclFilterOf))} />
          </div>
        ) : null}
      </section>
      <section className="grid gap-4 md:grid-cols-2">
        <Field
          id="prefix"
          label={
            f.kind === "bidirectional"
              ? `Prefix for mirrors on ${f.destination || "the destination"}`
              : "Mirror topic prefix (cluster.link.prefix)"
          }
          hint="Optional. Mirror topics are named prefix + source topic (e.g. dr.orders). It cannot be changed after creation; keep it short."
          error={e.prefix?.message}
        >
          <TextInput
            {...register("prefix")}
            {...describedBy("prefix", { hint: true, error: e.prefix })}
            invalid={!!e.prefix}
            autoComplete="off"
            placeholder="e.g. dr."
          />
        </Field>
        {f.kind === "bidirectional" ? (
          <Field
            id="sourcePrefix"
            label={`Prefix for mirrors on ${f.source || "the source"}`}
            hint="Optional; the half on the source names its mirrors with it."
            error={e.sourcePrefix?.message}
          >
            <TextInput
              {...register("sourcePrefix")}
              {...describedBy("sourcePrefix", { hint: true, error: e.sourcePrefix })}
              invalid={!!e.sourcePrefix}
              autoComplete="off"
            />
          </Field>
        ) : null}
      </section>
      {f.kind === "bidirectional" && source ? (
        <SameNameTopicsWarning a={f.destination} b={source} prefixA={f.prefix} prefixB={f.sourcePrefix} />
      ) : null}
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Where new mirrors start (mirror.start.offset.spec)</legend>
        <div className="flex flex-wrap gap-4 text-sm">
          <label className="flex items-center gap-1.5">
            <input type="radio" value="earliest" {...register("startOffset")} /> Earliest (copy all history; default)
          </label>
          <label className="flex items-center gap-1.5">
            <input type="radio" value="latest" {...register("startOffset")} /> Latest (only new messages)
          </label>
          <label className="flex items-center gap-1.5">
            <input type="radio" value="timestamp" {...register("startOffset")} /> From a timestamp
          </label>
        </div>
        {f.startOffset === "timestamp" ? (
          <Field
            id="startTimestamp"
            label="Timestamp (ISO-8601)"
            hint="e.g. 2026-11-21T15:00:00Z"
            error={e.startTimestamp?.message}
            className="max-w-sm"
          >
            <TextInput
              {...register("startTimestamp")}
              {...describedBy("startTimestamp", { hint: true, error: e.startTimestamp })}
              invalid={!!e.startTimestamp}
              autoComplete="off"
            />
          </Field>
        ) : null}
      </fieldset>
    </div>
  );
}
