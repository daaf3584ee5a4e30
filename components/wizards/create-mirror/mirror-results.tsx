import { CircleCheck, CircleX } from "lucide-react";
import type { CreateMirrorsResponse } from "@/lib/api/mirror-admin";
import type { MirrorView } from "@/lib/api/links";

/** One row per requested topic; after a create, each mirror's live status (polled) until it is ACTIVE. */
export function MirrorResults({ result, mirrors, cluster }: { result: CreateMirrorsResponse; mirrors: MirrorView[]; cluster: string }) {
  const ok = result.results.filter((r) => r.ok).length;
  const status = (name: string) => mirrors.find((m) => m.name === name)?.status ?? "waiting for the cluster…";
  return (
    <div className="space-y-2">
      <p role="status" className="text-sm font-medium">
        {result.validateOnly
          ? `Check (by Linkscope; nothing was created): ${ok} of ${result.results.length} can be created.`
          : `${ok} of ${result.results.length} mirror${result.results.length === 1 ? "" : "s"} created on ${cluster}.`}
      </p>
      <table className="w-full text-sm">
        <caption className="sr-only">{result.validateOnly ? "Check results per topic" : "Results per topic"}</caption>
        <thead className="text-left text-xs text-muted">
          <tr>
            <th className="pb-1 font-medium">Source topic</th>
            <th className="pb-1 font-medium">Mirror</th>
            <th className="pb-1 font-medium">Result</th>
            {!result.validateOnly ? <th className="pb-1 font-medium">Mirror status</th> : null}
          </tr>
        </thead>
        <tbody>
          {result.results.map((r) => (
            <tr key={r.topic} className="border-t border-border align-top">
              <td className="py-1 pr-2 font-mono">{r.topic}</td>
              <td className="py-1 pr-2 font-mono">{r.mirror}</td>
              <td className="py-1 pr-2">
                {r.ok ? (
                  <span className="inline-flex items-center gap-1 text-ok">
                    <CircleCheck aria-hidden className="size-4" /> {result.validateOnly ? "can be created" : "created"}
                  </span>
                ) : (
                  <span className="inline-flex items-start gap-1 text-err">
                    <CircleX aria-hidden className="mt-0.5 size-4 shrink-0" /> {r.error}
                  </span>
                )}
              </td>
              {!result.validateOnly ? (
                <td className="py-1" data-testid={`mirror-status-${r.mirror}`}>
                  {r.ok ? status(r.mirror) : "—"}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
