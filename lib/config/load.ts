import { readFileSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml, YAMLParseError } from "yaml";
import type { z } from "zod";
import { formatConfigPath } from "./format-path";
import { interpolateEnv, MissingEnvError, type EnvLookup } from "./interpolate";
import { LinkscopeConfigSchema, type LinkscopeConfig } from "./schema";

export const DEFAULT_CONFIG_PATH = "./linkscope.config.yaml";

/** Every problem in a config file, each naming the exact key, so one edit fixes all of them. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`Invalid Linkscope config ${file}:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

export interface LoadedConfig {
  file: string;
  config: LinkscopeConfig;
}

export function configPathFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(/*turbopackIgnore: true*/ env.LINKSCOPE_CONFIG || DEFAULT_CONFIG_PATH);
}

function describeIssue(issue: z.core.$ZodIssue): string {
  return `${formatConfigPath(issue.path)}: ${issue.message}`;
}

export function parseConfigText(text: string, file: string, env: EnvLookup = (n) => process.env[n]): LinkscopeConfig {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (err) {
    if (err instanceof YAMLParseError) {
      const where = err.linePos?.[0] ? ` at line ${err.linePos[0].line}, column ${err.linePos[0].col}` : "";
      throw new ConfigError(file, [`not valid YAML${where}: ${err.message.split("\n")[0]}`]);
    }
    throw err;
  }
  if (raw === null || raw === undefined) throw new ConfigError(file, ["the file is empty; list at least one cluster under `clusters:`"]);

  let interpolated: unknown;
  try {
    interpolated = interpolateEnv(raw, env);
  } catch (err) {
    if (err instanceof MissingEnvError) {
      throw new ConfigError(file, [
        `${formatConfigPath(err.path)}: environment variable ${err.variable} is not set (referenced as \${${err.variable}})`,
      ]);
    }
    throw err;
  }

  const result = LinkscopeConfigSchema.safeParse(interpolated);
  if (!result.success) throw new ConfigError(file, result.error.issues.map(describeIssue));
  return result.data;
}

/** Relative file paths in the config mean "next to the config file", wherever the server was started from. */
function resolvePaths(config: LinkscopeConfig, file: string): LinkscopeConfig {
  const dir = path.dirname(file);
  return { ...config, history: { ...config.history, path: path.resolve(/*turbopackIgnore: true*/ dir, config.history.path) } };
}

export function loadConfigFile(file: string, env: EnvLookup = (n) => process.env[n]): LoadedConfig {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason =
      code === "ENOENT" ? "the file does not exist (set LINKSCOPE_CONFIG to its path)" : `cannot be read (${code ?? "unknown error"})`;
    throw new ConfigError(file, [reason]);
  }
  return { file, config: resolvePaths(parseConfigText(text, file, env), file) };
}
