import { validateMirrorTopicName, validateTopicName } from "../names";

/** The mirror a source topic becomes on a link with `prefix` (empty when the link has none). */
export function mirrorNameOf(prefix: string, sourceTopic: string): string {
  return prefix + sourceTopic;
}

/** What is wrong with mirroring `sourceTopic` on a link with `prefix`, as far as names go; null when fine. */
export function mirrorNameProblem(prefix: string, sourceTopic: string): string | null {
  return validateTopicName(sourceTopic) ?? validateMirrorTopicName(prefix, sourceTopic);
}

/** The Confluent CLI equivalent of creating one mirror topic. */
export function mirrorCliCommand(input: {
  clusterId: string;
  link: string;
  sourceTopic: string;
  prefix: string;
  replicationFactor?: number | undefined;
  configs?: Readonly<Record<string, string>> | undefined;
}): string {
  const mirror = mirrorNameOf(input.prefix, input.sourceTopic);
  const parts = [`confluent kafka mirror create ${mirror}`, `--link ${input.link}`, `--cluster ${input.clusterId}`];
  if (mirror !== input.sourceTopic) parts.push(`--source-topic ${input.sourceTopic}`);
  if (input.replicationFactor !== undefined) parts.push(`--replication-factor ${input.replicationFactor}`);
  const configs = Object.entries(input.configs ?? {});
  if (configs.length > 0) parts.push(`--config ${configs.map(([k, v]) => `${k}=${v}`).join(",")}`);
  return parts.join(" ");
}
