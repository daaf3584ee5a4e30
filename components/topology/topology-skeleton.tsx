/** The page's shape while the first answer is on its way: a graph area and the summary beside it. */
export function TopologySkeleton() {
  return (
    <div
      role="status"
      aria-label="Loading the fleet topology"
      className="grid gap-4 xl:grid-cols-[minmax(0,1fr)_18rem]"
      data-testid="topology-skeleton"
    >
      <div className="rounded-lg border border-border bg-surface p-4">
        <div aria-hidden className="mb-4 h-4 w-40 animate-pulse rounded bg-surface-2" />
        <div aria-hidden className="relative h-[min(72vh,680px)] min-h-[420px]">
          {[
            [4, 30],
            [38, 10],
            [72, 30],
            [4, 62],
            [38, 52],
          ].map(([left, top]) => (
            <div
              key={`${left}-${top}`}
              className="absolute h-24 w-[22%] animate-pulse rounded-lg bg-surface-2"
              style={{ left: `${left}%`, top: `${top}%` }}
            />
          ))}
        </div>
      </div>
      <div className="space-y-3 rounded-lg border border-border bg-surface p-4">
        {[0, 1, 2, 3, 4, 5].map((i) => (
          <div key={i} aria-hidden className="h-4 animate-pulse rounded bg-surface-2" style={{ width: `${90 - i * 9}%` }} />
        ))}
      </div>
    </div>
  );
}
