import { z } from "zod";

/*
 * Validation of names a person types before Linkscope sends them to a cluster. Each validator returns `null`
 * when the name is fine, or one sentence saying what is wrong. The server stays the judge; these only catch
 * mistakes before a round trip.
 */

/** Kafka's topic-name limit (`Topic.MAX_NAME_LENGTH`). */
export const TOPIC_NAME_MAX_LENGTH = 249;
/** Confluent Server's limit for cluster link names (`ClusterLinkUtils.validateLinkName`). */
export const LINK_NAME_MAX_LENGTH = 200;
/** A prefix must leave room for at least one character of the source topic's name. */
export const CLUSTER_LINK_PREFIX_MAX_LENGTH = TOPIC_NAME_MAX_LENGTH - 1;

const LEGAL_CHARACTER = /[a-zA-Z0-9._-]/;

function illegalCharacters(name: string): string[] {
  return [...new Set([...name].filter((character) => !LEGAL_CHARACTER.test(character)))];
}

function quoteCharacter(character: string): string {
  return character === " " ? "spaces" : `"${character}"`;
}

/** The rule Kafka applies to topic names and Confluent applies to link names: same characters, own limits. */
function validateKafkaStyleName(what: string, name: string, maxLength: number, dotsAllowed: boolean): string | null {
  if (name.length === 0) return `${what} must not be empty.`;
  if (!dotsAllowed && (name === "." || name === "..")) return `${what} cannot be "." or "..".`;
  if (name.length > maxLength) {
    return `${what} can be at most ${maxLength} characters long; this one has ${name.length}.`;
  }
  const illegal = illegalCharacters(name);
  if (illegal.length > 0) {
    const listed = illegal.map(quoteCharacter).join(", ");
    return `${what} can only contain letters, digits, ".", "_" and "-"; remove ${listed}.`;
  }
  return null;
}

/** Kafka topic names: `[a-zA-Z0-9._-]`, 1 to 249 characters, not "." or "..". */
export function validateTopicName(name: string): string | null {
  return validateKafkaStyleName("A topic name", name, TOPIC_NAME_MAX_LENGTH, false);
}

/** Cluster link names (Confluent Server): `[a-zA-Z0-9._-]`, 1 to 200 characters, not "." or "..". */
export function validateLinkName(name: string): string | null {
  return validateKafkaStyleName("A link name", name, LINK_NAME_MAX_LENGTH, false);
}

/**
 * `cluster.link.prefix`: prepended to every mirror topic's name, so it needs topic-name characters. "." and ".."
 * are fine here because the resulting topic name is longer. Keep it short; the exact length limit Confluent
 * enforces is not documented in a primary source, so only what a topic name needs is checked here, plus
 * `validateMirrorTopicName` for the combined name.
 */
export function validateClusterLinkPrefix(prefix: string): string | null {
  return validateKafkaStyleName("A cluster link prefix", prefix, CLUSTER_LINK_PREFIX_MAX_LENGTH, true);
}

/** The mirror topic a prefixed link creates: `prefix + sourceTopic` must itself be a valid topic name. */
export function validateMirrorTopicName(prefix: string, sourceTopic: string): string | null {
  const name = prefix + sourceTopic;
  if (name.length > TOPIC_NAME_MAX_LENGTH) {
    return (
      `The mirror topic "${prefix}" + "${sourceTopic}" would be ${name.length} characters long; ` + `Kafka allows ${TOPIC_NAME_MAX_LENGTH}.`
    );
  }
  return validateTopicName(name);
}

/** Confluent Cloud logical cluster ids look like `lkc-abc123`. */
const CLOUD_CLUSTER_ID = /^lkc-[a-z0-9]+$/;
/** Kafka cluster ids (Confluent Platform, Apache Kafka) and cluster link ids are 16-byte UUIDs in url-safe base64. */
const KAFKA_UUID = /^[A-Za-z0-9_-]{22}$/;

export type ClusterIdFormat = "confluent-cloud" | "kafka-uuid";

export function clusterIdFormatOf(id: string): ClusterIdFormat | null {
  if (CLOUD_CLUSTER_ID.test(id)) return "confluent-cloud";
  if (KAFKA_UUID.test(id)) return "kafka-uuid";
  return null;
}

export function validateClusterId(id: string): string | null {
  if (id.length === 0) return "A cluster id must not be empty.";
  if (clusterIdFormatOf(id) !== null) return null;
  return (
    `"${id}" is not a Kafka cluster id: expected lkc-… on Confluent Cloud, ` +
    "or a 22-character id such as Fds7TcT9TTqEXsoRLEKMcQ on Confluent Platform."
  );
}

export function validateClusterLinkId(id: string): string | null {
  if (KAFKA_UUID.test(id)) return null;
  return `"${id}" is not a cluster link id: expected 22 characters of letters, digits, "_" and "-", such as QyWLm8aWRqmGqVpiqXLOHA.`;
}

/** A zod string schema that reports the validator's sentence as its issue message. */
function schemaFrom(validate: (value: string) => string | null) {
  return z.string().superRefine((value, ctx) => {
    const message = validate(value);
    if (message !== null) ctx.addIssue({ code: "custom", message });
  });
}

export const TopicNameSchema = schemaFrom(validateTopicName);
export const LinkNameSchema = schemaFrom(validateLinkName);
export const ClusterLinkPrefixSchema = schemaFrom(validateClusterLinkPrefix);
export const ClusterIdSchema = schemaFrom(validateClusterId);
export const ClusterLinkIdSchema = schemaFrom(validateClusterLinkId);
