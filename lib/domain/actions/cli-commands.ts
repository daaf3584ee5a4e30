import { chunk, MAX_TOPICS_PER_UPSTREAM_CALL } from "./batching";
import type { MirrorActionName } from "./mirror-actions";

/*
 * The Confluent CLI commands that do what Linkscope did, for the report and for anyone who prefers a terminal:
 * `confluent kafka mirror <verb> <topic>… --link <link> --cluster <id>`. The CLI's verbs are our action names.
 */

export interface CliCommandInput {
  action: MirrorActionName;
  link: string;
  /** The Kafka cluster id of the cluster that hosts the mirrors; null when Linkscope never learned it. */
  clusterId: string | null;
  topics: readonly string[];
  dryRun?: boolean;
}

/** Names Kafka allows ([a-zA-Z0-9._-]) need no quoting; anything else is single-quoted for a POSIX shell. */
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9._\-/=@:]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

export function cliCommand(input: CliCommandInput): string {
  const words = ["confluent", "kafka", "mirror", input.action, ...input.topics.map(shellQuote), "--link", shellQuote(input.link)];
  words.push("--cluster", input.clusterId ? shellQuote(input.clusterId) : "<cluster-id>");
  if (input.action === "truncate-and-restore") words.push("--include-partitions");
  if (input.dryRun) words.push("--dry-run");
  return words.join(" ");
}

/** One command per batch of topics, as Linkscope sent them. */
export function cliCommands(input: CliCommandInput, perCommand = MAX_TOPICS_PER_UPSTREAM_CALL): string[] {
  return chunk(input.topics, perCommand).map((topics) => cliCommand({ ...input, topics }));
}

/** Confluent Cloud ids start with lkc-; others are Confluent Platform clusters, where the CLI needs `confluent login --url`. */
export function cliNoteFor(clusterId: string | null): string | null {
  if (clusterId === null) return "Linkscope does not know this cluster's id: replace <cluster-id> with it.";
  if (clusterId.startsWith("lkc-")) return null;
  return "On Confluent Platform, run `confluent login --url <the cluster's REST endpoint>` first; the REST endpoint is in Linkscope's config.";
}
