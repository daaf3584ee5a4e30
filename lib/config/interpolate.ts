/**
 * Replaces `${NAME}` in every string value of a parsed YAML document with the environment variable NAME.
 * It works on the parsed tree rather than the file text so that a value can never inject YAML structure.
 * `$${NAME}` stays a literal `${NAME}`.
 */
export type EnvLookup = (name: string) => string | undefined;

export class MissingEnvError extends Error {
  constructor(
    readonly path: (string | number)[],
    readonly variable: string,
  ) {
    super(`environment variable ${variable} is not set`);
  }
}

const PLACEHOLDER = /\$(\$?)\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

export function interpolateEnv(value: unknown, env: EnvLookup, path: (string | number)[] = []): unknown {
  if (typeof value === "string") {
    return value.replace(PLACEHOLDER, (_match, escaped: string, name: string) => {
      if (escaped) return `\${${name}}`;
      const replacement = env(name);
      if (replacement === undefined) throw new MissingEnvError(path, name);
      return replacement;
    });
  }
  if (Array.isArray(value)) return value.map((item, i) => interpolateEnv(item, env, [...path, i]));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, interpolateEnv(item, env, [...path, key])]));
  }
  return value;
}
