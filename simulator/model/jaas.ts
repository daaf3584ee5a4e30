/**
 * Credentials out of a JAAS string such as
 * `org.apache.kafka.common.security.plain.PlainLoginModule required username='KEY' password='SECRET';`.
 * Any login module is accepted (PLAIN and SCRAM both carry username/password); quotes may be single or double.
 */
export interface JaasCredentials {
  username: string;
  password: string;
}

export function parseJaas(text: string | undefined | null): JaasCredentials | null {
  if (!text) return null;
  const username = /\busername\s*=\s*(['"])(.*?)\1/.exec(text)?.[2];
  const password = /\bpassword\s*=\s*(['"])(.*?)\1/.exec(text)?.[2];
  if (username === undefined || password === undefined) return null;
  return { username, password };
}

export function plainJaas(username: string, password: string): string {
  return `org.apache.kafka.common.security.plain.PlainLoginModule required username='${username}' password='${password}';`;
}
