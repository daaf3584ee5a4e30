import "server-only";
import { z } from "zod";
import {
  HISTORY_LIMITS,
  HistoryMetricSchema,
  LINK_METRICS,
  MIRROR_METRICS,
  type HistoryMetric,
  type LinkMetric,
  type MirrorMetric,
} from "@/lib/api/history";
import { ApiError } from "../http/api-error";
import { ClusterParamSchema, LinkParamSchema, TopicParamSchema } from "../http/route-input";
import type { HistoryQuery } from "./backend";
import { defaultStepSeconds } from "./step";

const MAX_EPOCH_MS = 8_640_000_000_000_000;
const DEFAULT_RANGE_MS = 3_600_000;

const required = <S extends z.ZodType<unknown, string>>(schema: S) =>
  z.string({ error: (iss) => (iss.input === undefined ? "is required" : "must be text") }).pipe(schema);

/** Epoch milliseconds, or an ISO 8601 date-time with a zone (`2026-11-21T15:00:00Z`, `…+01:00`). */
const TimeSchema = z.string().transform((text, ctx) => {
  if (/^\d{1,16}$/.test(text)) {
    const ms = Number(text);
    if (ms <= MAX_EPOCH_MS) return ms;
  } else if (z.iso.datetime({ offset: true }).safeParse(text).success) {
    return Date.parse(text);
  }
  ctx.addIssue({ code: "custom", message: "must be epoch milliseconds or an ISO 8601 date-time such as 2026-11-21T15:00:00Z" });
  return z.NEVER;
});

const wholeNumber = (what: string, min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,10}$/, `must be ${what}`)
    .transform(Number)
    .pipe(z.number().int().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));

const isMetric = (name: string): name is HistoryMetric => HistoryMetricSchema.safeParse(name).success;

/** A comma-separated list of metric names. */
const MetricsSchema = z.string().transform((text, ctx) => {
  const names = [
    ...new Set(
      text
        .split(",")
        .map((m) => m.trim())
        .filter(Boolean),
    ),
  ];
  const unknown = names.filter((n) => !isMetric(n));
  if (names.length === 0 || unknown.length > 0) {
    const what =
      names.length === 0 ? "names no metric" : `${unknown.join(", ")} ${unknown.length === 1 ? "is not a metric" : "are not metrics"}`;
    ctx.addIssue({ code: "custom", message: `${what}; use ${HistoryMetricSchema.options.join(", ")}` });
    return z.NEVER;
  }
  return names.filter(isMetric);
});

/** The query string of GET /api/history, field by field. */
export const HistoryQueryInputSchema = z
  .object({
    cluster: required(ClusterParamSchema),
    link: required(LinkParamSchema),
    topic: TopicParamSchema.optional(),
    partition: wholeNumber("a partition number", 0, 2_147_483_647).optional(),
    from: TimeSchema.optional(),
    to: TimeSchema.optional(),
    step: wholeNumber("a whole number of seconds", 1, 86_400).optional(),
    metrics: MetricsSchema.optional(),
    top: wholeNumber("a whole number", 0, HISTORY_LIMITS.maxTop).optional(),
  })
  .strict()
  .superRefine((q, ctx) => {
    if (q.partition !== undefined && q.topic === undefined) ctx.addIssue({ code: "custom", path: ["partition"], message: "needs a topic" });
    if (q.top !== undefined && q.topic !== undefined)
      ctx.addIssue({ code: "custom", path: ["top"], message: "applies to link-level history only (without topic)" });
    const allowed: readonly string[] = q.topic === undefined ? LINK_METRICS : MIRROR_METRICS;
    const misplaced = (q.metrics ?? []).filter((m) => !allowed.includes(m));
    if (misplaced.length) {
      const level = q.topic === undefined ? "without a topic" : "with a topic";
      ctx.addIssue({
        code: "custom",
        path: ["metrics"],
        message: `${misplaced.join(", ")} cannot be asked ${level}; use ${allowed.join(", ")}`,
      });
    }
  });
export type HistoryQueryInput = z.infer<typeof HistoryQueryInputSchema>;

const isLinkMetric = (m: string): m is LinkMetric => (LINK_METRICS as readonly string[]).includes(m);
const isMirrorMetric = (m: string): m is MirrorMetric => (MIRROR_METRICS as readonly string[]).includes(m);

function invalid(field: string, message: string): ApiError {
  return new ApiError("invalid-request", `Invalid query: ${field}: ${message}.`, { issues: [{ path: field, message }] });
}

export interface ResolveOptions {
  now: number;
  /** The finest default step (the sampling interval). */
  minStepSeconds: number;
  defaultMirrorMetrics: readonly MirrorMetric[];
}

/** Fills in the defaults (the last hour, a step giving about 500 points) and enforces the bounds. */
export function resolveHistoryQuery(input: HistoryQueryInput, { now, minStepSeconds, defaultMirrorMetrics }: ResolveOptions): HistoryQuery {
  const to = input.to ?? (input.from !== undefined ? Math.max(now, input.from) : now);
  const from = input.from ?? to - DEFAULT_RANGE_MS;
  if (from > to) throw invalid("from", "must not be after to");
  const rangeMs = to - from;
  if (rangeMs > HISTORY_LIMITS.maxRangeMs)
    throw invalid("from", `the range from from to to must be at most ${HISTORY_LIMITS.maxRangeMs / 86_400_000} days`);
  const stepS = input.step ?? defaultStepSeconds(rangeMs, minStepSeconds);
  const points = Math.floor(rangeMs / (stepS * 1000)) + 1;
  if (points > HISTORY_LIMITS.maxPointsPerSeries) {
    const smallest = Math.ceil(rangeMs / 1000 / (HISTORY_LIMITS.maxPointsPerSeries - 1));
    throw invalid("step", `gives ${points} points per series, more than ${HISTORY_LIMITS.maxPointsPerSeries}; use at least ${smallest}`);
  }
  const base = { cluster: input.cluster, link: input.link, from, to, stepMs: stepS * 1000 };
  if (input.topic === undefined) {
    const metrics = input.metrics ? input.metrics.filter(isLinkMetric) : LINK_METRICS;
    return { ...base, level: "link", metrics, top: input.top ?? HISTORY_LIMITS.defaultTop };
  }
  const metrics = input.metrics ? input.metrics.filter(isMirrorMetric) : defaultMirrorMetrics;
  return { ...base, level: "mirror", topic: input.topic, partition: input.partition ?? null, metrics };
}
