import type { LinkStep } from "@/lib/api/link-admin";
import { cliCommand, restRequestView, terraformSnippet, type ConfigPair, type HalfRequest } from "@/lib/domain/links/link-requests";
import { CodeBlock } from "../ui/code-block";

/**
 * Once the server has run a half, its own (masked) request is the truth: it carries the bootstrap servers that only
 * the server's config knows, so the CLI and Terraform equivalents are rebuilt from it.
 */
function fromServer(half: HalfRequest, step: LinkStep | undefined): HalfRequest {
  const configs = step?.request.body.configs;
  if (!Array.isArray(configs)) return half;
  const pairs = configs.filter((c): c is ConfigPair => typeof c?.name === "string" && typeof c?.value === "string");
  const bootstrap = pairs.find((c) => c.name === "bootstrap.servers")?.value ?? half.remote.bootstrap;
  return { ...half, configs: pairs, remote: { ...half.remote, bootstrap } };
}

/** Valid JSON with one config per line: a reviewer reads name and value together. */
function formatBody(body: Record<string, unknown>): string {
  const { configs, ...rest } = body;
  const lines = Object.entries(rest).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  if (Array.isArray(configs)) lines.push(`  "configs": [\n${configs.map((c) => `    ${JSON.stringify(c)}`).join(",\n")}\n  ]`);
  return `{\n${lines.join(",\n")}\n}`;
}

/** One half three ways: the REST call (the server's own once it has run), the CLI equivalent and Terraform. */
export function HalfPreview({ index, half: preview, serverStep }: { index: number; half: HalfRequest; serverStep: LinkStep | undefined }) {
  const half = fromServer(preview, serverStep);
  const request = serverStep?.request ?? restRequestView(half, { validateOnly: false });
  const cli = cliCommand(half);
  const where = half.host.name ?? half.host.id;
  return (
    <section aria-labelledby={`half-${index}`} className="space-y-2">
      <h3 id={`half-${index}`} className="text-sm font-semibold">
        Step {index + 1} on {where}: {half.label}
      </h3>
      <CodeBlock
        title={`REST request to ${where}${serverStep ? " (as sent)" : ""}`}
        text={`${request.method} ${request.path}\n${formatBody(request.body)}`}
        copyLabel={`Copy the REST request for ${where}`}
      />
      <details className="rounded-md border border-border">
        <summary className="cursor-pointer px-3 py-1.5 text-sm font-medium">
          Equivalent Confluent CLI command and Terraform for {where}
        </summary>
        <div className="space-y-2 p-2">
          <div className="grid gap-2 lg:grid-cols-2">
            <CodeBlock title={`${cli.fileName} (Confluent CLI)`} text={cli.file} copyLabel={`Copy the CLI config file for ${where}`} />
            <CodeBlock title="confluent kafka link create" text={cli.command} copyLabel={`Copy the CLI command for ${where}`} />
          </div>
          <CodeBlock
            title="Terraform (confluent_cluster_link)"
            text={terraformSnippet(half)}
            copyLabel={`Copy the Terraform resource for ${where}`}
          />
        </div>
      </details>
    </section>
  );
}
