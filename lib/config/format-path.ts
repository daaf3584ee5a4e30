/** Renders a zod/yaml path as the key a person would look for in the file: `clusters[1].auth.password`. */
export function formatConfigPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? String(part) : `.${String(part)}`;
  }
  return out === "" ? "(top level)" : out;
}
