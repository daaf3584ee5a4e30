import { Panel } from "./panel";
import { Skeleton } from "./skeleton";

/**
 * A panel whose code is still loading: its heading (and anchor) where the panel will be, a sentence saying what is
 * coming, and the height the panel opens at, so nothing below it jumps when it arrives.
 */
export function PanelPlaceholder({ id, title, loading, height }: { id: string; title: string; loading: string; height: number }) {
  return (
    <Panel id={id} title={title}>
      <div role="status" className="space-y-2" style={{ minHeight: height }} data-testid={`${id}-placeholder`}>
        <p className="text-sm text-muted">{loading}</p>
        <Skeleton className="h-4 w-3/4" />
        <Skeleton className="h-4 w-1/2" />
      </div>
    </Panel>
  );
}
