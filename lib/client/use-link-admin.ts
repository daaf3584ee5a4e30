"use client";
import { useMutation } from "@tanstack/react-query";
import {
  AlterLinkConfigsResponseSchema,
  CreateLinkResponseSchema,
  DeleteLinkResponseSchema,
  type AlterLinkConfigsRequest,
  type CreateLinkRequestInput,
} from "@/lib/api/link-admin";
import { send, useInvalidateFleet } from "./admin-writes";
import { apiPaths } from "./api-paths";

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
    mutationFn: (body: Partial<AlterLinkConfigsRequest>) =>
      send("PATCH", apiPaths.linkConfigs(cluster, link), AlterLinkConfigsResponseSchema, body),
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
    mutationFn: ({ cluster, link, ...options }: DeleteLinkVariables) =>
      send("DELETE", apiPaths.deleteLink(cluster, link, options), DeleteLinkResponseSchema),
    onSuccess: (r) => {
      if (!r.validateOnly) invalidate();
    },
  });
}
