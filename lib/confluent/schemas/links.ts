import "server-only";
import { z } from "zod";
import { goList, LinkTaskErrorSchema } from "./common";

export const LinkTaskSchema = z.object({
  task_name: z.string(),
  state: z.string(),
  errors: z.array(LinkTaskErrorSchema).nullish(),
});
export type LinkTaskWire = z.infer<typeof LinkTaskSchema>;

export const LinkCategorySchema = z.object({
  state_category: z.string(),
  count: z.number().int(),
});
export type LinkCategoryWire = z.infer<typeof LinkCategorySchema>;

/** `ListLinksResponseData`. Only link_name, cluster_link_id and topic_names are required on CC; enums are open strings. */
export const LinkDataSchema = z
  .object({
    link_name: z.string(),
    cluster_link_id: z.string().optional(),
    /** Deprecated UUID form, used only when cluster_link_id is missing (older Platform). */
    link_id: z.string().optional(),
    source_cluster_id: z.string().nullish(),
    destination_cluster_id: z.string().nullish(),
    remote_cluster_id: z.string().nullish(),
    /** Go servers write an empty list as null; blank names are not topics. */
    topic_names: goList(z.string()).transform((names) => names.filter((n) => n.trim() !== "")),
    link_state: z.string().nullish(),
    link_error: z.string().nullish(),
    link_error_message: z.string().nullish(),
    tasks: z.array(LinkTaskSchema).nullish(),
    category_counts: z.array(LinkCategorySchema).nullish(),
  })
  .refine((l) => l.cluster_link_id !== undefined || l.link_id !== undefined, {
    message: "neither cluster_link_id nor link_id is present",
    path: ["cluster_link_id"],
  });
export type LinkData = z.infer<typeof LinkDataSchema>;

/** A nameless row (the UNMANAGED_SOURCE leftover of a deleted source-initiated link) cannot be addressed: skipped unread. */
export function isNamelessLinkRow(row: unknown): boolean {
  if (typeof row !== "object" || row === null) return false;
  const { link_name: name, link_state: state } = row as { link_name?: unknown; link_state?: unknown };
  return name === "" || name === null || name === undefined || state === "UNMANAGED_SOURCE";
}
