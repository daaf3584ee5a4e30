import Link from "next/link";

/** After a reload (or from a pasted link) the run itself is gone from the page, but every request of it is in the audit log. */
export function EarlierRunNotice({ run }: { run: string }) {
  return (
    <div role="status" className="mb-3 rounded-md bg-info-bg px-3 py-2 text-sm">
      A run was started from this page earlier.{" "}
      <Link href={`/audit?run=${encodeURIComponent(run)}`} className="font-semibold text-accent hover:underline">
        Open its report in the audit log
      </Link>{" "}
      (every request, per topic, with a Markdown download).
    </div>
  );
}
