/** The topology page's view state, kept in the URL so a link to the page shows the same thing. */
export type TopologyViewMode = "graph" | "table";

export interface TopologyUrlState {
  q: string;
  problemsOnly: boolean;
  view: TopologyViewMode;
  /** The cluster whose blast radius is highlighted. */
  selected: string | null;
}

export const DEFAULT_URL_STATE: TopologyUrlState = { q: "", problemsOnly: false, view: "graph", selected: null };

export function parseTopologyParams(params: Pick<URLSearchParams, "get">): TopologyUrlState {
  const problems = params.get("problems");
  return {
    q: params.get("q") ?? "",
    problemsOnly: problems === "1" || problems === "true",
    view: params.get("view") === "table" ? "table" : "graph",
    selected: params.get("cluster") || null,
  };
}

/** The query string for a new state; other parameters in `current` are kept, defaults are left out. */
export function writeTopologyParams(current: URLSearchParams | string, patch: Partial<TopologyUrlState>, base: TopologyUrlState): string {
  const next = { ...base, ...patch };
  const params = new URLSearchParams(current);
  const set = (key: string, value: string | null) => (value ? params.set(key, value) : params.delete(key));
  set("q", next.q.trim() ? next.q : null);
  set("problems", next.problemsOnly ? "1" : null);
  set("view", next.view === "table" ? "table" : null);
  set("cluster", next.selected);
  const text = params.toString();
  return text ? `?${text}` : "";
}
