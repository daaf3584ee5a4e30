import "server-only";
import { z } from "zod";

/** Prometheus HTTP API answers (https://prometheus.io/docs/prometheus/latest/querying/api/), only the parts we read. */

const SampleSchema = z.tuple([z.number(), z.string()]);
const LabelsSchema = z.record(z.string(), z.string());

export const MatrixSchema = z.object({
  resultType: z.literal("matrix"),
  result: z.array(z.object({ metric: LabelsSchema, values: z.array(SampleSchema) })),
});
export type Matrix = z.infer<typeof MatrixSchema>;

export const VectorSchema = z.object({
  resultType: z.literal("vector"),
  result: z.array(z.object({ metric: LabelsSchema, value: SampleSchema })),
});
export type Vector = z.infer<typeof VectorSchema>;

export const EnvelopeSchema = z.discriminatedUnion("status", [
  z.object({ status: z.literal("success"), data: z.unknown() }),
  z.object({ status: z.literal("error"), errorType: z.string().optional(), error: z.string().optional() }),
]);
