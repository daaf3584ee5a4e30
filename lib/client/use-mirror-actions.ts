"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import {
  IDEMPOTENCY_HEADER,
  MirrorActionResponseSchema,
  type MirrorActionRequestInput,
  type MirrorActionResponse,
} from "@/lib/api/actions";
import { apiPaths } from "./api-paths";
import { fetchJson } from "./fetch-json";
import { queryKeys } from "./query-keys";

export interface MirrorActionCall {
  cluster: string;
  link: string;
  body: MirrorActionRequestInput;
  /** Sent as the Idempotency-Key header: resubmitting the same call reaches the cluster once. */
  idempotencyKey: string;
}

/**
 * POST …/mirrors/actions: JSON with its Content-Type, once. Never retried here or by react-query: a mirror action
 * that failed is for a person to look at, and a repeat with the same key would only replay the first answer anyway.
 */
export function postMirrorAction({ cluster, link, body, idempotencyKey }: MirrorActionCall): Promise<MirrorActionResponse> {
  return fetchJson(apiPaths.mirrorActions(cluster, link), MirrorActionResponseSchema, {
    method: "POST",
    headers: { "Content-Type": "application/json", [IDEMPOTENCY_HEADER]: idempotencyKey },
    body: JSON.stringify(body),
  });
}

/** The mutation, refreshing everything Linkscope shows about the link (and the fleet graph) after a real change. */
export function useMirrorActionMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: postMirrorAction,
    retry: false,
    onSettled: async (_data, _error, call) => {
      if (call.body.validateOnly === false) {
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: queryKeys.link(call.cluster, call.link) }),
          queryClient.invalidateQueries({ queryKey: queryKeys.topology() }),
          queryClient.invalidateQueries({ queryKey: ["audit"] }),
        ]);
      } else {
        await queryClient.invalidateQueries({ queryKey: ["audit"] });
      }
    },
  });
}
