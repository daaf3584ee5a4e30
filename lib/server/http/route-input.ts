import "server-only";
import { z } from "zod";
import { ClusterNameSchema } from "@/lib/config/schema";
import { validateLinkName, validateTopicName } from "@/lib/domain/names";
import { ApiError } from "./api-error";

const fromValidator = (validate: (value: string) => string | null) =>
  z.string().superRefine((value, ctx) => {
    const problem = validate(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

export const ClusterParamSchema = ClusterNameSchema;
export const LinkParamSchema = fromValidator(validateLinkName);
export const TopicParamSchema = fromValidator(validateTopicName);

/** Parses route input with zod; bad input becomes a 400 naming each field, never a 500. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
  const first = issues[0];
  const where = first?.path ? `${first.path}: ` : "";
  throw new ApiError("invalid-request", `Invalid ${what}: ${where}${first?.message ?? "not accepted"}.`, { issues });
}

export function searchParamsObject(url: string): Record<string, string> {
  return Object.fromEntries(new URL(url).searchParams.entries());
}
