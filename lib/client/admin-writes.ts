"use client";
import { useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { fetchJson } from "./fetch-json";
import { queryKeys } from "./query-keys";

/** A JSON write to our API; never retried (the server decides what is safe to repeat). */
export function send<S extends z.ZodType>(
  method: "POST" | "PATCH" | "DELETE",
  url: string,
  schema: S,
  body?: unknown,
): Promise<z.infer<S>> {
  return fetchJson(url, schema, {
    method,
    headers: { "Content-Type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/** After a change, everything that shows links refreshes: the graph and every cluster's lists. */
export function useInvalidateFleet() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: queryKeys.topology() });
    void client.invalidateQueries({ queryKey: queryKeys.clusters() });
  };
}
