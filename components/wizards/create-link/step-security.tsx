"use client";
import { useFormContext, type FieldError } from "react-hook-form";
import { describedBy, Field, Select, TextInput } from "../ui/field";
import { Notice } from "../ui/notice";
import type { LinkWizardForm } from "./form-model";

type CredentialsKey = "credentials" | "localCredentials" | "destinationCredentials";

function CredentialsFields({ field, title, description }: { field: CredentialsKey; title: string; description: string }) {
  const { register, watch, formState } = useFormContext<LinkWizardForm>();
  const errors = (formState.errors[field] ?? {}) as Partial<
    Record<"securityProtocol" | "saslMechanism" | "username" | "password", FieldError>
  >;
  const [protocol, mechanism] = watch([`${field}.securityProtocol`, `${field}.saslMechanism`]);
  const sasl = protocol === "SASL_SSL" || protocol === "SASL_PLAINTEXT";
  const scram = mechanism !== "PLAIN";
  const id = (k: string) => `${field}-${k}`;
  return (
    <fieldset className="space-y-3 rounded-md border border-border p-3">
      <legend className="px-1 text-sm font-semibold">{title}</legend>
      <p className="text-sm text-muted">{description}</p>
      <div className="grid gap-3 md:grid-cols-2">
        <Field id={id("protocol")} label="Security protocol" error={errors.securityProtocol?.message}>
          <Select {...register(`${field}.securityProtocol`)} {...describedBy(id("protocol"), { error: errors.securityProtocol })}>
            <option value="SASL_SSL">SASL_SSL</option>
            <option value="SASL_PLAINTEXT">SASL_PLAINTEXT</option>
            <option value="SSL">SSL</option>
            <option value="PLAINTEXT">PLAINTEXT</option>
          </Select>
        </Field>
        {sasl ? (
          <>
            <Field id={id("mechanism")} label="SASL mechanism" error={errors.saslMechanism?.message}>
              <Select {...register(`${field}.saslMechanism`)} {...describedBy(id("mechanism"), { error: errors.saslMechanism })}>
                <option value="PLAIN">PLAIN (API key and secret)</option>
                <option value="SCRAM-SHA-256">SCRAM-SHA-256</option>
                <option value="SCRAM-SHA-512">SCRAM-SHA-512</option>
              </Select>
            </Field>
            <Field id={id("username")} label={scram ? "SCRAM user" : "API key"} error={errors.username?.message}>
              <TextInput
                {...register(`${field}.username`)}
                {...describedBy(id("username"), { error: errors.username })}
                invalid={!!errors.username}
                autoComplete="off"
                spellCheck={false}
              />
            </Field>
            <Field id={id("password")} label={scram ? "Password" : "API secret"} error={errors.password?.message}>
              <TextInput
                type="password"
                {...register(`${field}.password`)}
                {...describedBy(id("password"), { error: errors.password })}
                invalid={!!errors.password}
                autoComplete="new-password"
                spellCheck={false}
              />
            </Field>
          </>
        ) : null}
      </div>
    </fieldset>
  );
}

export function StepSecurity() {
  const { watch } = useFormContext<LinkWizardForm>();
  const [kind, sourceMode, sourceName, destination] = watch(["kind", "sourceMode", "source", "destination"]);
  const source = sourceMode === "external" ? "the external source" : sourceName;
  return (
    <div className="space-y-4">
      <Notice tone="info">
        Secrets are sent to the Linkscope server once, inside the create request, and passed to the clusters. They are never shown again,
        stored or logged; previews show them as ***. Use a key that can read the source&apos;s topics (and describe its configs, groups and
        ACLs for the sync options).
      </Notice>
      {kind === "destination-initiated" ? (
        <CredentialsFields
          field="credentials"
          title={`Credentials for ${source}`}
          description={`${destination} dials ${source} with these (Kafka API key of ${source}, or a SCRAM user).`}
        />
      ) : null}
      {kind === "source-initiated" ? (
        <>
          <CredentialsFields
            field="credentials"
            title={`Credentials for ${destination}`}
            description={`The source half on ${source} dials ${destination} with these. Its INBOUND half needs no credentials: nobody dials from ${destination}.`}
          />
          <CredentialsFields
            field="localCredentials"
            title={`Local credentials for ${source}`}
            description={`The source half reads ${source}'s own topics with these (the local.* configs). They stay on ${source}.`}
          />
        </>
      ) : null}
      {kind === "bidirectional" ? (
        <>
          <CredentialsFields
            field="credentials"
            title={`Credentials for ${source}`}
            description={`The half on ${destination} dials ${source} with these.`}
          />
          <CredentialsFields
            field="destinationCredentials"
            title={`Credentials for ${destination}`}
            description={`The half on ${source} dials ${destination} with these.`}
          />
        </>
      ) : null}
    </div>
  );
}
