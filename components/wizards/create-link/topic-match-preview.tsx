"use client";
import { previewFilters, type NameFilter } from "@/lib/domain/links/topic-filters";
import { useClusterTopics } from "@/lib/client/use-mirror-admin";

const list = (names: string[]) => (names.length > 0 ? names.join(", ") : "none");

/** Which of the source's topics the current filters would mirror, from the source's live topic list. */
export function TopicMatchPreview({ source, filters, prefix }: { source: string | null; filters: NameFilter[]; prefix: string }) {
  const topics = useClusterTopics(source);
  if (!source)
    return (
      <p className="text-sm text-muted">
        The source is not a configured cluster, so Linkscope cannot list its topics to preview the matches.
      </p>
    );
  if (topics.isPending) return <p className="text-sm text-muted">Reading {source}&apos;s topics…</p>;
  if (topics.isError)
    return (
      <p className="text-sm text-warn">
        Could not read {source}&apos;s topics for a preview: {topics.error.message}
      </p>
    );
  const valid = filters.filter((f) => f.name.trim() !== "");
  const preview = previewFilters(
    valid,
    topics.data.filter((t) => !t.internal).map((t) => t.name),
  );
  return (
    <div aria-live="polite" className="space-y-1 rounded-md border border-border bg-surface-2 p-2 text-sm">
      <p>
        <span className="font-medium text-ok">Mirrored now ({preview.included.length}):</span>{" "}
        {list(preview.included.map((t) => (prefix ? `${t} → ${prefix}${t}` : t)))}
      </p>
      {preview.excluded.length > 0 ? (
        <p>
          <span className="font-medium text-warn">Excluded by an EXCLUDE filter ({preview.excluded.length}):</span> {list(preview.excluded)}
        </p>
      ) : null}
      <p className="text-muted">
        Not matched ({preview.untouched.length}): {list(preview.untouched)}. Topics created on {source} later are checked against the same
        filters.
      </p>
    </div>
  );
}
