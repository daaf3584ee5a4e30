"use client";
import { useClusterTopics } from "@/lib/client/use-mirror-admin";
import { Notice } from "../ui/notice";
import { sharedTopicNames } from "./kind-advice";

const SHOWN = 5;

/**
 * A bidirectional link without prefixes names each mirror like its source topic: where both clusters already have a
 * topic of that name, the mirror cannot be created (or, worse, people confuse the local topic with the mirror).
 */
export function SameNameTopicsWarning({ a, b, prefixA, prefixB }: { a: string; b: string; prefixA: string; prefixB: string }) {
  const topicsA = useClusterTopics(a || null);
  const topicsB = useClusterTopics(b || null);
  if ((prefixA && prefixB) || !topicsA.data || !topicsB.data) return null;
  const shared = sharedTopicNames(topicsA.data, topicsB.data);
  if (shared.length === 0) return null;
  const listed = shared.slice(0, SHOWN).join(", ") + (shared.length > SHOWN ? ` and ${shared.length - SHOWN} more` : "");
  const missing = [!prefixA ? a : null, !prefixB ? b : null].filter((x): x is string => x !== null);
  return (
    <Notice tone="warn" title={`${a} and ${b} both have ${shared.length === 1 ? "a topic" : `${shared.length} topics`} of the same name`}>
      <p>
        {listed}. Without a <span className="font-mono">cluster.link.prefix</span> on {missing.join(" and ")}, mirrors take the source
        topic&apos;s name and collide with the local topic of that name. Set a prefix per side (e.g. <span className="font-mono">{b}.</span>{" "}
        for mirrors on {a}).
      </p>
    </Notice>
  );
}
