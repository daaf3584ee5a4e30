"use client";
import { skipToken, useMutation, useQuery } from "@tanstack/react-query";
import { CreateMirrorsResponseSchema, TopicsResponseSchema, type CreateMirrorsRequest } from "@/lib/api/mirror-admin";
import { send, useInvalidateFleet } from "./admin-writes";
import { apiPaths } from "./api-paths";
import { fetchJson } from "./fetch-json";
import { queryKeys } from "./query-keys";

// Apart from use-link-admin: these read only the mirror and topic schemas, so the create-mirror page loads without
// the link schemas (and the config rules they check).

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
