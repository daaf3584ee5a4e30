"use client";
import { useFormContext } from "react-hook-form";
import type { ClusterSummary } from "@/lib/api/clusters";
import { describedBy, Field, Select, TextInput } from "../ui/field";
import type { LinkWizardForm } from "./form-model";

function clusterLabel(c: ClusterSummary): string {
  const zone = c.network ? ` · ${c.network}` : "";
  const status = c.status === "ok" ? "" : ` · ${c.status}`;
  return `${c.name} (${c.displayName}${zone}${status})`;
}

export function StepClusters({ clusters }: { clusters: readonly ClusterSummary[] }) {
  const { register, watch, formState } = useFormContext<LinkWizardForm>();
  const e = formState.errors;
  const sourceMode = watch("sourceMode");
  const configured = clusters.filter((c) => c.status !== "external");
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <Field
        id="name"
        label="Link name"
        hint='Letters, digits, ".", "_" and "-". Both halves of a link share it.'
        error={e.name?.message}
        className="md:col-span-2"
      >
        <TextInput
          {...register("name")}
          {...describedBy("name", { hint: true, error: e.name })}
          invalid={!!e.name}
          autoComplete="off"
          placeholder="primary-to-dr"
        />
      </Field>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Source (where the data comes from)</legend>
        <div className="flex gap-4 text-sm">
          <label className="flex items-center gap-1.5">
            <input type="radio" value="configured" {...register("sourceMode")} /> A configured cluster
          </label>
          <label className="flex items-center gap-1.5">
            <input type="radio" value="external" {...register("sourceMode")} /> An external cluster
          </label>
        </div>
        {sourceMode === "configured" ? (
          <Field id="source" label="Source cluster" error={e.source?.message}>
            <Select {...register("source")} {...describedBy("source", { error: e.source })} invalid={!!e.source}>
              <option value="">Choose…</option>
              {configured.map((c) => (
                <option key={c.name} value={c.name}>
                  {clusterLabel(c)}
                </option>
              ))}
            </Select>
          </Field>
        ) : (
          <>
            <Field
              id="externalId"
              label="Source cluster id"
              hint="lkc-… on Confluent Cloud, the 22-character cluster id on Platform."
              error={e.externalId?.message}
            >
              <TextInput
                {...register("externalId")}
                {...describedBy("externalId", { hint: true, error: e.externalId })}
                invalid={!!e.externalId}
                autoComplete="off"
              />
            </Field>
            <Field
              id="externalBootstrap"
              label="Source bootstrap servers"
              hint="host:port, comma-separated."
              error={e.externalBootstrap?.message}
            >
              <TextInput
                {...register("externalBootstrap")}
                {...describedBy("externalBootstrap", { hint: true, error: e.externalBootstrap })}
                invalid={!!e.externalBootstrap}
                autoComplete="off"
              />
            </Field>
          </>
        )}
      </fieldset>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Destination (where the mirror topics live)</legend>
        <Field
          id="destination"
          label="Destination cluster"
          hint="Linkscope creates the link on this cluster (and, for two-half links, on the source too)."
          error={e.destination?.message}
        >
          <Select
            {...register("destination")}
            {...describedBy("destination", { hint: true, error: e.destination })}
            invalid={!!e.destination}
          >
            <option value="">Choose…</option>
            {configured.map((c) => (
              <option key={c.name} value={c.name}>
                {clusterLabel(c)}
              </option>
            ))}
          </Select>
        </Field>
      </fieldset>
    </div>
  );
}
