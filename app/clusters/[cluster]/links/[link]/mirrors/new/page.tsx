import type { Metadata } from "next";
import { CreateMirrorWizard } from "@/components/wizards/create-mirror/create-mirror-wizard";

export const metadata: Metadata = { title: "Create mirror topics" };

/** Route params arrive percent-encoded; a malformed escape is left as typed (the API then names the problem). */
function decoded(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export default async function NewMirrorsPage({ params }: PageProps<"/clusters/[cluster]/links/[link]/mirrors/new">) {
  const raw = await params;
  const cluster = decoded(raw.cluster);
  const link = decoded(raw.link);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Create mirror topics</h1>
        <p className="mt-1 text-sm text-muted">
          On link <span className="font-mono">{link}</span>, hosted by <span className="font-mono">{cluster}</span>.
        </p>
      </div>
      <CreateMirrorWizard cluster={cluster} link={link} />
    </div>
  );
}
