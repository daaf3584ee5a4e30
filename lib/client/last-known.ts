"use client";
import { useMemo } from "react";
import { z } from "zod";
import { ApiRequestError } from "./fetch-json";

const LastKnownDetailsSchema = z.object({ lastKnown: z.unknown() });

/**
 * What a route answered from the cluster's last good reading while the cluster is down (`details.lastKnown` of its
 * 503/502, docs/http-api.md), when it reads as `schema`; undefined otherwise.
 */
export function lastKnownOf<S extends z.ZodType>(error: unknown, schema: S): z.infer<S> | undefined {
  if (!(error instanceof ApiRequestError)) return undefined;
  const details = LastKnownDetailsSchema.safeParse(error.details);
  if (!details.success || details.data.lastKnown === undefined) return undefined;
  const parsed = schema.safeParse(details.data.lastKnown);
  return parsed.success ? parsed.data : undefined;
}

/**
 * A polled query whose cluster is down shows what it last knew instead of nothing: its own last answer when this page
 * had one (the query keeps it), else the server's last-known answer. `lastKnownAsOf` says the data is from before the
 * failure, so the page labels it with its time (`asOf`); null while the data is live.
 */
export function useWithLastKnown<Q extends { data: unknown; error: unknown; dataUpdatedAt: number }, S extends z.ZodType>(
  query: Q,
  schema: S,
  select: (answer: z.infer<S>) => NonNullable<Q["data"]>,
): Q & { lastKnownAsOf: number | null } {
  const { data, error, dataUpdatedAt } = query;
  const fallback = useMemo(() => (data === undefined && error ? lastKnownOf(error, schema) : undefined), [data, error, schema]);
  if (fallback !== undefined) {
    const asOf = AsOfSchema.safeParse(fallback);
    return { ...query, data: select(fallback), lastKnownAsOf: asOf.success ? asOf.data.asOf : null };
  }
  // This page's own last answer, kept by the query while the refetch fails: it was current when it arrived.
  return { ...query, lastKnownAsOf: data !== undefined && error ? dataUpdatedAt : null };
}

const AsOfSchema = z.object({ asOf: z.number() });
