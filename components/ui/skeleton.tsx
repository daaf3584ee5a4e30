import clsx from "clsx";

/** A grey placeholder while a widget loads; `label` is read out instead of the shapes. */
export function Skeleton({ className }: { className?: string }) {
  return <div aria-hidden className={clsx("animate-pulse rounded bg-surface-2", className)} />;
}

export function SkeletonBlock({ label, lines = 3 }: { label: string; lines?: number }) {
  return (
    <div role="status" aria-label={label} className="space-y-2 py-2">
      {Array.from({ length: lines }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholder lines have nothing but their position
        <Skeleton key={i} className={clsx("h-4", i % 3 === 0 ? "w-3/4" : i % 3 === 1 ? "w-1/2" : "w-2/3")} />
      ))}
    </div>
  );
}
