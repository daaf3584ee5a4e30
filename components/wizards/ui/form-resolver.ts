import type { FieldErrors, FieldValues, Resolver } from "react-hook-form";

export interface FormIssue {
  /** Dotted form path, e.g. "credentials.password" or "topicFilters.0.name". */
  path: string;
  message: string;
}

/**
 * A react-hook-form resolver from a function that lists problems by form path (our stand-in for
 * @hookform/resolvers, whose optional peer dependencies clash with ours). The first problem per field wins.
 */
export function issuesResolver<T extends FieldValues>(validate: (values: T) => FormIssue[]): Resolver<T> {
  return async (values) => {
    const errors: Record<string, unknown> = {};
    for (const issue of validate(values)) {
      const keys = issue.path.split(".");
      let node = errors;
      for (const [i, key] of keys.entries()) {
        if (node === undefined || typeof (node as { message?: unknown }).message === "string") break;
        if (i === keys.length - 1) {
          if (node[key] === undefined) node[key] = { type: "validate", message: issue.message };
        } else {
          node[key] ??= /^\d+$/.test(keys[i + 1] ?? "") ? [] : {};
          node = node[key] as Record<string, unknown>;
        }
      }
    }
    return Object.keys(errors).length > 0 ? { values: {}, errors: errors as FieldErrors<T> } : { values, errors: {} };
  };
}
