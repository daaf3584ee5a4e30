"use client";
import { Plus, Trash2 } from "lucide-react";
import type { ReactNode } from "react";
import { useFieldArray, useFormContext, type FieldError } from "react-hook-form";
import { ACL_OPERATIONS, ACL_PATTERN_TYPES, ACL_PERMISSION_TYPES, ACL_RESOURCE_TYPES } from "@/lib/domain/links/topic-filters";
import { Button } from "../ui/button";
import { Select, TextInput } from "../ui/field";
import type { LinkWizardForm } from "./form-model";

type RowErrors = Array<Partial<Record<string, FieldError>> | undefined> & { message?: string };

/** Rows of name × LITERAL/PREFIXED × INCLUDE/EXCLUDE, for topic or consumer group filters. */
export function NameFilterRows({ field, what }: { field: "topicFilters" | "groupFilters"; what: string }) {
  const { register, control, formState } = useFormContext<LinkWizardForm>();
  const { fields, append, remove } = useFieldArray({ control, name: field });
  const errors = formState.errors[field] as RowErrors | undefined;
  return (
    <div className="space-y-2">
      <table className="w-full text-sm">
        <caption className="sr-only">{what} filters</caption>
        <thead className="text-left text-xs text-muted">
          <tr>
            <th className="pb-1 font-medium">Name or prefix</th>
            <th className="pb-1 font-medium">Pattern</th>
            <th className="pb-1 font-medium">Filter</th>
            <th className="pb-1">
              <span className="sr-only">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {fields.map((row, i) => {
            const err = errors?.[i];
            return (
              <tr key={row.id} className="align-top">
                <td className="pr-2 pb-2">
                  <TextInput
                    {...register(`${field}.${i}.name`)}
                    aria-label={`${what} filter ${i + 1} name`}
                    aria-invalid={err?.name ? true : undefined}
                    invalid={!!err?.name}
                    placeholder='"*" for all'
                    autoComplete="off"
                  />
                  {err?.name ? (
                    <p role="alert" className="mt-1 text-xs text-err">
                      {err.name.message}
                    </p>
                  ) : null}
                </td>
                <td className="pr-2 pb-2">
                  <Select {...register(`${field}.${i}.patternType`)} aria-label={`${what} filter ${i + 1} pattern type`}>
                    <option value="LITERAL">LITERAL</option>
                    <option value="PREFIXED">PREFIXED</option>
                  </Select>
                </td>
                <td className="pr-2 pb-2">
                  <Select {...register(`${field}.${i}.filterType`)} aria-label={`${what} filter ${i + 1} include or exclude`}>
                    <option value="INCLUDE">INCLUDE</option>
                    <option value="EXCLUDE">EXCLUDE</option>
                  </Select>
                </td>
                <td className="pb-2">
                  <Button variant="ghost" aria-label={`Remove ${what} filter ${i + 1}`} onClick={() => remove(i)}>
                    <Trash2 aria-hidden className="size-4" />
                  </Button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {errors?.message ? (
        <p role="alert" className="text-sm text-err">
          {errors.message}
        </p>
      ) : null}
      <Button variant="secondary" onClick={() => append({ name: "", patternType: "PREFIXED", filterType: "INCLUDE" })}>
        <Plus aria-hidden className="size-4" /> Add a {what} filter
      </Button>
    </div>
  );
}

function Labelled({ text, children }: { text: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the control is the child (every caller passes a Select or TextInput), which the label wraps
    <label className="space-y-0.5 text-xs text-muted">
      <span className="block">{text}</span>
      {children}
    </label>
  );
}

/** ACL filters: which ACLs the link copies (resource pattern × access pattern). */
export function AclFilterRows() {
  const { register, control, formState } = useFormContext<LinkWizardForm>();
  const { fields, append, remove } = useFieldArray({ control, name: "aclFilters" });
  const errors = formState.errors.aclFilters as RowErrors | undefined;
  const options = (values: readonly string[]) =>
    values.map((v) => (
      <option key={v} value={v}>
        {v}
      </option>
    ));
  return (
    <div className="space-y-2">
      {fields.map((row, i) => {
        const err = errors?.[i];
        const message = err ? Object.values(err).find((x) => x?.message)?.message : undefined;
        return (
          <fieldset key={row.id} className="grid gap-2 rounded-md border border-border p-2 md:grid-cols-4">
            <legend className="px-1 text-xs text-muted">ACL filter {i + 1}</legend>
            <Labelled text="Resource type">
              <Select {...register(`aclFilters.${i}.resourceType`)}>{options(ACL_RESOURCE_TYPES)}</Select>
            </Labelled>
            <Labelled text="Resource name">
              <TextInput {...register(`aclFilters.${i}.name`)} placeholder="empty = any" autoComplete="off" />
            </Labelled>
            <Labelled text="Pattern type">
              <Select {...register(`aclFilters.${i}.patternType`)}>{options(ACL_PATTERN_TYPES)}</Select>
            </Labelled>
            <Labelled text="Principal">
              <TextInput {...register(`aclFilters.${i}.principal`)} placeholder="User:alice (empty = any)" autoComplete="off" />
            </Labelled>
            <Labelled text="Host">
              <TextInput {...register(`aclFilters.${i}.host`)} placeholder="* = any" autoComplete="off" />
            </Labelled>
            <Labelled text="Operation">
              <Select {...register(`aclFilters.${i}.operation`)}>{options(ACL_OPERATIONS)}</Select>
            </Labelled>
            <Labelled text="Permission">
              <Select {...register(`aclFilters.${i}.permissionType`)}>{options(ACL_PERMISSION_TYPES)}</Select>
            </Labelled>
            <Button variant="ghost" aria-label={`Remove ACL filter ${i + 1}`} onClick={() => remove(i)} className="self-end">
              <Trash2 aria-hidden className="size-4" /> Remove
            </Button>
            {message ? (
              <p role="alert" className="text-xs text-err md:col-span-4">
                {message}
              </p>
            ) : null}
          </fieldset>
        );
      })}
      {errors?.message ? (
        <p role="alert" className="text-sm text-err">
          {errors.message}
        </p>
      ) : null}
      <Button
        variant="secondary"
        onClick={() =>
          append({ resourceType: "topic", name: "", patternType: "any", principal: "", host: "*", operation: "any", permissionType: "any" })
        }
      >
        <Plus aria-hidden className="size-4" /> Add an ACL filter
      </Button>
    </div>
  );
}
