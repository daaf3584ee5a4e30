import "server-only";

export { createConfluentClient, type ConfluentClient, type ConfluentClientOptions } from "./client";
export type { ClustersApi } from "./clusters";
export { ConfluentError, isConfluentError, type ConfluentErrorKind } from "./errors";
export type { LinkConfigsApi } from "./link-configs";
export type { LinksApi } from "./links";
export type { MirrorActionOptions, MirrorActionsApi } from "./mirror-actions";
export type { MirrorListOptions, MirrorsApi } from "./mirrors";
export type { ConsumerGroupsApi } from "./consumer-groups";
export type { TopicsApi } from "./topics";
export type { TransportOptions } from "./transport";
export * from "./types";
