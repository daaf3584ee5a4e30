"use client";
import { skipToken, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import {
  AlterLinkConfigsResponseSchema,
  CreateLinkResponseSchema,
  CreateMirrorsResponseSchema,
  DeleteLinkResponseSchema,
  TopicsResponseSchema,
  type AlterLinkConfigsRequest,
  type CreateLinkRequestInput,
  type CreateMirrorsRequest,
} from "@/lib/api/link-admin";
import { apiPaths } from "./api-paths";
import { fetchJson } from "./fetch-json";
import { queryKeys } from "./query-keys";

/** A JSON write to our API; never retried (the server decides what is safe to repeat). */
function send<S extends z.ZodType>(method: "POST" | "PATCH" | "DELETE", url: string, schema: S, body?: unknown): Promise<z.infer<S>> {
  return fetchJson(url, schema, {
    method,
    headers: { "Content-Type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/** After a change, everything that shows links refreshes: the graph and every cluster's lists. */
function useInvalidateFleet() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: queryKeys.topology() });
    void client.invalidateQueries({ queryKey: queryKeys.clusters() });
  };
}

/** A cluster's topics, for pickers and filter previews; not polled (topics rarely change while a wizard is open). */
export function useClusterTopics(cluster: string | null) {
  return useQuery({
    queryKey: queryKeys.clusterTopics(cluster ?? ""),
    // skipToken: no cluster chosen yet, so no query (and no non-null assertion inside one).
    queryFn: cluster === null ? skipToken : ({ signal }) => fetchJson(apiPaths.clusterTopics(cluster), TopicsResponseSchema, { signal }),
    select: (r) => r.topics,
    staleTime: 30_000,
  });
}

export function useCreateLink() {
  const invalidate = useInvalidateFleet();
  return useMutation({
    mutationFn: (body: CreateLinkRequestInput) => send("POST", apiPaths.createLink(), CreateLinkResponseSchema, body),
    onSuccess: (r) => {
      if (!r.validateOnly) invalidate();
    },
  });
}

export function useAlterLinkConfigs(cluster: string, link: string) {
  const invalidate = useInvalidateFleet();
  return useMutation({
    mutationFn: (body: Partial<AlterLinkConfigsRequest>) => send("PATCH", apiPaths.linkConfigs(cluster, link), AlterLinkConfigsResponseSchema, body),
    onSuccess: (r) => {
      if (!r.validateOnly) invalidate();
    },
  });
}

export interface DeleteLinkVariables {
  cluster: string;
  link: string;
  validateOnly: boolean;
  force?: boolean;
  bothHalves?: boolean;
}

export function useDeleteLink() {
  const invalidate = useInvalidateFleet();
  return useMutation({
    mutationFn: ({ cluster, link, ...options }: DeleteLinkVariables) => send("DELETE", apiPaths.deleteLink(cluster, link, options), DeleteLinkResponseSchema),
    onSuccess: (r) => {
      if (!r.validateOnly) invalidate();
    },
  });
}

export function useCreateMirrors(cluster: string, link: string) {
  const invalidate = useInvalidateFleet();
  return useMutation({
    mutationFn: (body: Partial<CreateMirrorsRequest> & Pick<CreateMirrorsRequest, "topics">) =>
      send("POST", apiPaths.linkMirrors(cluster, link), CreateMirrorsResponseSchema, body),
    onSuccess: (r) => {
      if (!r.validateOnly) invalidate();
    },
  });
}
