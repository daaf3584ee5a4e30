import { QueryClient } from "@tanstack/react-query";
import { ApiRequestError } from "./fetch-json";
import { MAX_QUERY_RETRIES } from "./polling";

/** Reads retry transient failures a couple of times; deterministic 4xx answers never. Mutations never retry. */
export function shouldRetryQuery(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiRequestError && error.isDeterministic) return false;
  return failureCount < MAX_QUERY_RETRIES;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetryQuery, refetchOnWindowFocus: true },
      mutations: { retry: false },
    },
  });
}
