import { mirrorNameProblem } from "@/lib/domain/mirrors/mirror-requests";

export interface NameCheck {
  tone: "ok" | "warn" | "err" | "muted";
  text: string;
  /** True when the topic cannot be created as it stands (the buttons stay off). */
  blocking: boolean;
}

/**
 * What the names table says about one chosen source topic before any Check: only what the page knows for sure. A
 * topic is "OK" only when the source's topic list has it; without the list it is "not checked yet". A mirror this
 * page has just created is not "already mirrored": it is the result.
 */
export function checkName(
  topic: string,
  known: {
    prefix: string;
    mirrored: ReadonlySet<string>;
    createdHere: ReadonlySet<string>;
    sourceTopics: ReadonlySet<string> | null;
    source: string | null;
  },
): NameCheck {
  if (known.createdHere.has(topic)) return { tone: "ok", text: "Created just now.", blocking: false };
  const nameProblem = mirrorNameProblem(known.prefix, topic);
  if (nameProblem) return { tone: "err", text: nameProblem, blocking: true };
  if (known.mirrored.has(topic)) return { tone: "err", text: "Already mirrored on this link.", blocking: true };
  if (known.sourceTopics === null) return { tone: "muted", text: "Not checked yet: press Check.", blocking: false };
  if (!known.sourceTopics.has(topic))
    return {
      tone: "warn",
      text: `${known.source ?? "The source"} has no topic of this name (as last listed); Check asks again.`,
      blocking: false,
    };
  return { tone: "ok", text: "OK", blocking: false };
}
