/** Item 10's rows: the fleet four times larger, with the issue-21 targets and its refresh compared with item 1's. */
import { DEFAULT_MAX_OLD_SPACE_MB } from "../scripts/lib/start-dashboard";
import { spread, type Spread } from "./lib/stats";
import type { Row } from "./report";
import type { Measurements } from "./rows";

const at = (met: boolean | null, text: string) => ({ text, met });

/** The heap limit the dashboards ran with: NODE_OPTIONS's, else the one start-dashboard passes. */
function heapLimitText(): string {
  const m = /--max-old-space-size[= ](\d+)/.exec(process.env.NODE_OPTIONS ?? "");
  return `${m ? m[1] : DEFAULT_MAX_OLD_SPACE_MB} MB heap limit`;
}

function refreshCpu(m: Measurements | undefined): number | null {
  return m?.cold?.runs.find((r) => r.refresh)?.refresh?.serverCpuMs ?? null;
}

const spreadOf = (values: readonly number[]): Spread | null => (values.length ? spread(values) : null);

export function fourXRows(fourX: Measurements, oneX: Measurements, viewers: number, factor: number): Row[] {
  const rows: Row[] = [];
  const cold = fourX.cold?.runs ?? [];
  if (cold.length > 0) {
    rows.push(
      {
        item: "10",
        what: `×${factor} fleet: GET /api/topology, cold (fresh server)`,
        value: spread(cold.map((r) => r.coldMs)),
        unit: "ms",
      },
      {
        item: "10",
        what: `×${factor} fleet: server CPU time for that cold read`,
        value: spreadOf(cold.flatMap((r) => (r.serverCpuMs === null ? [] : [r.serverCpuMs]))),
        unit: "ms",
      },
      { item: "10", what: `×${factor} fleet: cold ÷ bound`, value: spread(cold.map((r) => r.boundRatio)), unit: "×" },
      {
        item: "10",
        what: `×${factor} fleet: size of the topology answer`,
        value: spread(cold.map((r) => r.answer.bytes / 1024)),
        unit: "KB",
        note: `${((cold[0]?.answer.gzipBytes ?? 0) / 1024).toFixed(0)} KB gzipped`,
      },
    );
  }
  const big = refreshCpu(fourX);
  if (big !== null) {
    const small = refreshCpu(oneX);
    const ratio = small === null || small <= 0 ? null : big / small;
    rows.push({
      item: "10",
      what: `×${factor} fleet: server CPU per refresh`,
      value: big,
      unit: "ms",
      target: at(ratio === null ? null : ratio <= factor * 1.1, `≤ ${(factor * 1.1).toFixed(1)}× item 1's`),
      note:
        ratio === null
          ? "run item 1 in the same bench for the ratio"
          : `${ratio.toFixed(2)}× item 1's ${small?.toFixed(0)} ms (one refresh each: a shared machine makes single figures noisy)`,
    });
  }
  const load = fourX.load ?? [];
  if (load.length > 0) {
    const p95 = spread(load.map((r) => r.many.p95Ms));
    const errors = Math.max(...load.map((r) => r.many.errors + r.single.errors));
    const rss = spreadOf(load.flatMap((r) => (r.peakRssMb === null ? [] : [r.peakRssMb])));
    rows.push(
      {
        item: "10",
        what: `×${factor} fleet: latency p95, ${viewers} viewers`,
        value: p95,
        unit: "ms",
        target: at(p95.median <= 200, "≤ 200 ms"),
        note: Object.entries(load[0]?.many.byRoute ?? {})
          .map(([route, s]) => `${route} p95 ${s.p95Ms.toFixed(0)} ms (${s.count})`)
          .join(", "),
      },
      { item: "10", what: `×${factor} fleet: failed requests`, value: errors, unit: "", target: at(errors === 0, "0") },
      {
        item: "10",
        what: `×${factor} fleet: server CPU, ${viewers} viewers (share of one core)`,
        value: spread(load.map((r) => (r.many.serverCpuShare ?? Number.NaN) * 100)),
        unit: "%",
      },
      {
        item: "10",
        what: `×${factor} fleet: server peak RSS (VmHWM) during the load test`,
        value: rss,
        unit: "MB",
        target: at(rss ? rss.max <= 1024 : null, "≤ 1 GB"),
        note: heapLimitText(),
      },
    );
  }
  const graph = fourX.topologyGraph ?? [];
  if (graph.length > 0)
    rows.push({
      item: "10",
      what: `×${factor} fleet: Chromium, topology answer → graph drawn (default view)`,
      value: spread(graph.map((r) => r.firstGraphMs)),
      unit: "ms",
    });
  return rows;
}
