import "server-only";
import { hostname } from "node:os";
import path from "node:path";
import { getConfig } from "../config";
import { PostgresStore } from "./postgres-store";
import { SqliteStore } from "./sqlite-store";
import type { SharedStore } from "./types";

interface StoreRuntime {
  store?: SharedStore;
  replica?: string;
}

// Next bundles instrumentation and each route separately: one object per process, not per bundle, so every route
// shares one pool (or one SQLite connection) and one replica name.
const KEY = Symbol.for("linkscope.shared-store");

function runtime(): StoreRuntime {
  const holder = globalThis as typeof globalThis & { [KEY]?: StoreRuntime };
  return (holder[KEY] ??= {});
}

/** SQLite's file: next to the lag history, one data directory to mount and back up. */
export function auditFilePath(historyPath: string): string {
  return path.join(path.dirname(historyPath), "audit.db");
}

/** The process's store, per `storage.backend`. Opening is lazy: a database that is down now is retried at each use. */
export function sharedStore(): SharedStore {
  const rt = runtime();
  if (!rt.store) {
    const { storage, history } = getConfig();
    rt.store = storage.backend === "postgres" && storage.url ? new PostgresStore({ url: storage.url }) : new SqliteStore(auditFilePath(history.path));
  }
  return rt.store;
}

/** Names this process in lease holders ("… on replica web-2/41"), so a 409 says where the other action runs. */
export function replicaName(): string {
  const rt = runtime();
  rt.replica ??= `${process.env.LINKSCOPE_REPLICA_NAME || hostname()}/${process.pid}`;
  return rt.replica;
}

export function leaseMs(): number {
  return getConfig().storage.leaseSeconds * 1000;
}
