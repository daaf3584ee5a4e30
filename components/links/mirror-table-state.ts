/** The mirrors table's filter and sort, as kept in the page URL (so a link to the page shows the same view). */
export const MIRROR_COLUMNS = ["name", "sourceTopic", "status", "partitions", "maxLag", "totalLag", "timeInState", "error"] as const;
export type MirrorColumn = (typeof MIRROR_COLUMNS)[number];
export type SortDirection = "asc" | "desc";

export interface MirrorTableState {
  /** A `mirror_status` value, or null for all. */
  status: string | null;
  /** Case-insensitive substring of the mirror or source topic name. */
  q: string;
  sort: MirrorColumn;
  dir: SortDirection;
}

/** Worst first: what an SRE opens the page for. */
export const DEFAULT_MIRROR_TABLE_STATE: MirrorTableState = { status: null, q: "", sort: "status", dir: "desc" };

/** The first click on a column: biggest numbers and worst states first, names A→Z. */
export function defaultDirectionFor(column: MirrorColumn): SortDirection {
  return column === "name" || column === "sourceTopic" || column === "error" ? "asc" : "desc";
}

// Statuses are an open enum: accept any upper-case token so a filter on a new status still works.
const STATUS_PATTERN = /^[A-Z][A-Z_]{0,63}$/;
const MAX_QUERY_LENGTH = 249;

interface ReadableParams {
  get(name: string): string | null;
}

export function parseMirrorTableState(params: ReadableParams): MirrorTableState {
  const status = params.get("status");
  const sort = params.get("sort");
  const dir = params.get("dir");
  const column = (MIRROR_COLUMNS as readonly string[]).includes(sort ?? "") ? (sort as MirrorColumn) : DEFAULT_MIRROR_TABLE_STATE.sort;
  return {
    status: status && STATUS_PATTERN.test(status) ? status : null,
    q: (params.get("q") ?? "").slice(0, MAX_QUERY_LENGTH),
    sort: column,
    dir:
      dir === "asc" || dir === "desc"
        ? dir
        : column === DEFAULT_MIRROR_TABLE_STATE.sort
          ? DEFAULT_MIRROR_TABLE_STATE.dir
          : defaultDirectionFor(column),
  };
}

/**
 * The query string for a new table state, keeping parameters that belong to other widgets and leaving out
 * defaults so the plain page URL stays plain. Returns "" or "?…".
 */
export function mirrorTableSearch(current: string | URLSearchParams, next: MirrorTableState): string {
  const params = new URLSearchParams(current);
  const set = (name: string, value: string | null, fallback: string | null) => {
    if (value === null || value === "" || value === fallback) params.delete(name);
    else params.set(name, value);
  };
  set("status", next.status, null);
  set("q", next.q.trim() === "" ? null : next.q, null);
  const dirDefault = next.sort === DEFAULT_MIRROR_TABLE_STATE.sort ? DEFAULT_MIRROR_TABLE_STATE.dir : defaultDirectionFor(next.sort);
  set("sort", next.sort, DEFAULT_MIRROR_TABLE_STATE.sort);
  set("dir", next.dir, dirDefault);
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** Clicking a header: same column flips the direction, another column starts at its natural direction. */
export function toggleSort(state: MirrorTableState, column: MirrorColumn): MirrorTableState {
  if (state.sort === column) return { ...state, dir: state.dir === "asc" ? "desc" : "asc" };
  return { ...state, sort: column, dir: defaultDirectionFor(column) };
}
