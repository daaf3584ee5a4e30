"use client";
import clsx from "clsx";
import { useEffect, useRef, useState } from "react";
import { FormProvider, useForm, type FieldPath } from "react-hook-form";
import type { CreateLinkResponse } from "@/lib/api/link-admin";
import { useClusters } from "@/lib/client/use-clusters";
import { usePermission } from "@/lib/client/permissions";
import { ApiErrorNotice } from "@/components/ui/api-error-notice";
import { Button } from "../ui/button";
import { issuesResolver } from "../ui/form-resolver";
import { Notice } from "../ui/notice";
import { initialForm, STEPS, validateLinkForm, type LinkWizardForm } from "./form-model";
import { StepClusters } from "./step-clusters";
import { StepConnection } from "./step-connection";
import { StepMirroring } from "./step-mirroring";
import { StepReview } from "./step-review";
import { StepSecurity } from "./step-security";

/** The five-step create-link wizard. Every step keeps its answers when moving back; errors sit next to their fields. */
export function CreateLinkWizard() {
  const clusters = useClusters();
  const permission = usePermission("admin");
  // Validate on change, not on blur: a blur that removes an error message shifts the layout between mousedown and
  // mouseup, and the click on Next is lost.
  const methods = useForm<LinkWizardForm>({ defaultValues: initialForm(), resolver: issuesResolver(validateLinkForm), mode: "onChange" });
  const [step, setStep] = useState(0);
  const [result, setResult] = useState<CreateLinkResponse | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new step is the trigger: focus moves to its heading
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    heading.current?.focus();
  }, [step]);

  const validateStep = async (i: number) => {
    const fields = (STEPS[i]?.fields ?? []) as unknown as FieldPath<LinkWizardForm>[];
    if (fields.length === 0) return true;
    const ok = await methods.trigger(fields, { shouldFocus: true });
    return ok;
  };

  const goTo = async (target: number) => {
    for (let i = step; i < target; i++) {
      if (!(await validateStep(i))) {
        setStep(i);
        return;
      }
    }
    setResult(null);
    setStep(target);
  };

  const list = clusters.data?.clusters ?? [];
  const current = STEPS[step] ?? STEPS[0];
  return (
    <FormProvider {...methods}>
      {!permission.allowed ? <Notice tone="warn" title="You cannot create links">{permission.reason}</Notice> : null}
      {clusters.isError ? <ApiErrorNotice error={clusters.error} what="the configured clusters" /> : null}
      <nav aria-label="Wizard steps" className="my-4">
        <ol className="flex flex-wrap gap-2">
          {STEPS.map((s, i) => (
            <li key={s.id}>
              <button
                type="button"
                onClick={() => void goTo(i)}
                aria-current={i === step ? "step" : undefined}
                className={clsx(
                  "rounded-full border px-3 py-1 text-sm",
                  i === step ? "border-accent bg-accent text-accent-fg" : i < step ? "border-accent text-accent" : "border-border text-muted",
                )}
              >
                {i + 1}. {s.title}
              </button>
            </li>
          ))}
        </ol>
      </nav>
      <form
        noValidate
        aria-labelledby="wizard-step-heading"
        className="space-y-4 rounded-lg border border-border bg-surface p-4"
        onSubmit={(ev) => {
          ev.preventDefault();
          if (step < STEPS.length - 1) void goTo(step + 1);
        }}
      >
        <h2 id="wizard-step-heading" ref={heading} tabIndex={-1} className="text-lg font-semibold outline-none">
          Step {step + 1} of {STEPS.length}: {current.title}
        </h2>
        {current.id === "clusters" ? <StepClusters clusters={list} /> : null}
        {current.id === "connection" ? <StepConnection clusters={list} /> : null}
        {current.id === "security" ? <StepSecurity /> : null}
        {current.id === "mirroring" ? <StepMirroring /> : null}
        {current.id === "review" ? <StepReview clusters={list} result={result} onResult={setResult} /> : null}
        <div className="flex justify-between border-t border-border pt-3">
          <Button onClick={() => setStep(Math.max(0, step - 1))} disabled={step === 0}>
            Back
          </Button>
          {step < STEPS.length - 1 ? (
            <Button type="submit" variant="primary">
              Next: {STEPS[step + 1]?.title}
            </Button>
          ) : null}
        </div>
      </form>
    </FormProvider>
  );
}
