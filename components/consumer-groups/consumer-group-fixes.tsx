"use client";
import { Wrench } from "lucide-react";
import { CodeBlock } from "@/components/wizards/ui/code-block";
import type { ConsumerGroupFix } from "@/lib/domain/failover/consumer-group-fixes";

/** What to fix so that the groups resume in place, with the commands (Linkscope does not run them from here). */
export function ConsumerGroupFixes({ fixes }: { fixes: readonly ConsumerGroupFix[] }) {
  if (fixes.length === 0) return null;
  return (
    <section aria-label="What to fix" className="mt-3 space-y-3 rounded-md border border-border bg-surface-2 p-3">
      <h3 className="flex items-center gap-2 text-sm font-semibold">
        <Wrench aria-hidden className="size-4" /> What to fix
      </h3>
      <ol className="list-decimal space-y-3 pl-5 text-sm">
        {fixes.map((f) => (
          <li key={f.kind} className="space-y-2">
            <p>{f.sentence}</p>
            {"commands" in f ? (
              <div className="grid gap-2">
                <CodeBlock title="Confluent CLI" text={f.commands.cli} copyLabel="Copy the CLI command" />
                <CodeBlock title="REST API" text={f.commands.rest} copyLabel="Copy the REST call" />
              </div>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
