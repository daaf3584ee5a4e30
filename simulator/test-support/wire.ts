/** Minimal shapes of the JSON the tests read, and a checked cast from a recorded exchange. */
import type { Exchange } from "./rest-client";

export interface LagJson {
  partition: number;
  lag: number;
  last_source_fetch_offset: number;
}
export interface MirrorJson {
  link_name: string;
  mirror_topic_name: string;
  source_topic_name: string;
  num_partitions: number;
  mirror_lags: LagJson[];
  mirror_status: string;
  mirror_topic_error?: string;
  state_time_ms: number;
  mirror_state_transition_errors?: Array<{ error_code: string; error_message: string }>;
}
export interface LinkJson {
  link_name: string;
  cluster_link_id: string;
  source_cluster_id: string | null;
  destination_cluster_id: string | null;
  remote_cluster_id: string | null;
  topic_names: string[];
  link_state: string;
  link_error: string;
  link_error_message: string | null;
  category_counts?: Array<{ state_category: string; count: number }>;
  tasks?: Array<{ task_name: string; state: string; errors: Array<{ error_code: string; error_message: string }> }>;
}
export interface ConfigJson {
  name: string;
  value: string | null;
  is_default: boolean;
  is_read_only: boolean;
  is_sensitive: boolean;
  source: string;
  synonyms: string[];
}
export interface ActionItemJson {
  mirror_topic_name: string;
  error_code: number | null;
  error_message: string | null;
  mirror_lags: LagJson[];
  messages_truncated: number | null;
  partition_level_truncation_data: Array<{ partition_id: number; offset_truncated_to: number; messages_truncated: number }>;
}
export interface ListJson<T> {
  kind: string;
  metadata: { self: string; next: string | null };
  data: T[];
}
export interface ErrorJson {
  error_code: number;
  message: string | null;
}

export function body<T>(ex: Exchange, status?: number): T {
  if (status !== undefined && ex.status !== status) {
    throw new Error(`${ex.method} ${ex.path}: expected ${status}, got ${ex.status}: ${ex.rawBody.slice(0, 400)}`);
  }
  return ex.body as T;
}

export const maxLag = (m: MirrorJson) => Math.max(...m.mirror_lags.map((l) => l.lag));
export const totalLag = (lags: LagJson[]) => lags.reduce((a, l) => a + l.lag, 0);
