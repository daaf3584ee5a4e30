import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PROBLEM_CODES } from "./problem-codes";
import { ProblemSchema } from "./types";

describe("problem codes", () => {
  it("are kebab-case and each has a meaning", () => {
    for (const [code, meaning] of Object.entries(PROBLEM_CODES)) {
      expect(ProblemSchema.safeParse({ code, message: "m" }).success, code).toBe(true);
      expect(meaning.length, code).toBeGreaterThan(20);
    }
  });

  it("are each documented in the HTTP API contract", () => {
    const doc = readFileSync(path.resolve(__dirname, "../../docs/http-api.md"), "utf8");
    for (const code of Object.keys(PROBLEM_CODES)) expect(doc, code).toContain(`| \`${code}\` |`);
  });
});
