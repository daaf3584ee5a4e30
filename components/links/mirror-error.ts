import type { MirrorView } from "@/lib/api/links";

/** `mirror_topic_error`, or null for the values that mean "no error". */
export function mirrorErrorOf(m: Pick<MirrorView, "error">): string | null {
  return m.error && m.error !== "NO_ERROR" && m.error !== "NOT_SET" ? m.error : null;
}
