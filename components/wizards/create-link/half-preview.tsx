import type { LinkStep } from "@/lib/api/link-admin";
import { cliCommand, restRequestView, terraformSnippet, type HalfRequest } from "@/lib/domain/link-requests";
import { CodeBlock } from "../ui/code-block";

/** One half three ways: the REST call (the server's own once it has run), the CLI equivalent and Terraform. */
export function HalfPreview({ index, half, serverStep }: { index: number; half: HalfRequest; serverStep: LinkStep | undefined }) {
  const request = serverStep?.request ?? restRequestView(half, { validateOnly: false });
  const cli = cliCommand(half);
  const where = half.host.name ?? half.host.id;
  return (
    <section aria-labelledby={`half-${index}`} className="space-y-2">
      <h3 id={`half-${index}`} className="text-sm font-semibold">
        Step {index + 1}: {half.label} on {where}
      </h3>
      <CodeBlock title={`REST request to ${where}${serverStep ? " (as sent)" : ""}`} text={`${request.method} ${request.path}\n${JSON.stringify(request.body, null, 2)}`} copyLabel={`Copy the REST request for ${where}`} />
      <div className="grid gap-2 lg:grid-cols-2">
        <CodeBlock title={`${cli.fileName} (Confluent CLI)`} text={cli.file} copyLabel={`Copy the CLI config file for ${where}`} />
        <CodeBlock title="confluent kafka link create" text={cli.command} copyLabel={`Copy the CLI command for ${where}`} />
      </div>
      <CodeBlock title="Terraform (confluent_cluster_link)" text={terraformSnippet(half)} copyLabel={`Copy the Terraform resource for ${where}`} />
    </section>
  );
}
