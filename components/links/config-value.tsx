import { Lock, TriangleAlert } from "lucide-react";
import type { LinkConfigView } from "@/lib/api/links";
import { configValueView } from "./config-groups";

/** One config value: masked when sensitive, unset vs empty told apart, filter JSON pretty-printed. */
export function ConfigValue({ config }: { config: LinkConfigView }) {
  const view = configValueView(config);
  switch (view.kind) {
    case "sensitive":
      return (
        <span className="inline-flex items-center gap-1 text-muted" title="Sensitive: Linkscope never sends this value to the browser">
          <Lock aria-hidden className="size-3.5" />
          <span aria-hidden>••••••••</span>
          <span className="text-xs">(sensitive, hidden)</span>
        </span>
      );
    case "unset":
      return <span className="italic text-muted">not set</span>;
    case "empty":
      return <span className="italic text-muted">empty</span>;
    case "json":
      return <pre className="max-h-64 overflow-auto whitespace-pre rounded bg-surface-2 px-2 py-1 font-mono text-xs">{view.pretty}</pre>;
    case "invalid-json":
      return (
        <div className="space-y-1">
          <p className="inline-flex items-center gap-1 text-xs font-semibold text-err">
            <TriangleAlert aria-hidden className="size-3.5" />
            Not valid JSON: {view.problem}
          </p>
          <pre className="overflow-auto whitespace-pre-wrap break-all rounded bg-err-bg px-2 py-1 font-mono text-xs">{view.raw}</pre>
        </div>
      );
    case "text":
      return <span className="break-all font-mono text-xs">{view.text}</span>;
  }
}
