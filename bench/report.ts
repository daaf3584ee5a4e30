/** The benchmark's table: one row per figure, median (min–max) over runs, the target and whether it is met. */
import type { Spread } from "./lib/stats";
import { required } from "@/lib/domain/required";

export interface Row {
  item: string;
  what: string;
  /** A spread over runs, or a single figure. */
  value: Spread | number | null;
  unit: string;
  target?: { text: string; met: boolean | null };
  note?: string;
}

function fmt(n: number, unit: string): string {
  if (!Number.isFinite(n)) return "n/a";
  const digits = Math.abs(n) >= 100 || unit === "" || unit === "requests" ? 0 : Math.abs(n) >= 10 ? 1 : 2;
  return n.toFixed(digits);
}

function valueText(v: Row["value"], unit: string): string {
  if (v === null) return "n/a";
  if (typeof v === "number") return `${fmt(v, unit)} ${unit}`.trim();
  if (v.runs <= 1 || v.min === v.max) return `${fmt(v.median, unit)} ${unit}`.trim();
  return `${`${fmt(v.median, unit)} ${unit}`.trim()} (${fmt(v.min, unit)}–${fmt(v.max, unit)})`;
}

export function renderTable(rows: readonly Row[]): string {
  const cells = rows.map((r) => [
    r.item,
    r.what,
    valueText(r.value, r.unit),
    r.target ? r.target.text : "",
    r.target ? (r.target.met === null ? "?" : r.target.met ? "met" : "MISSED") : "",
  ]);
  const header = ["#", "measure", "median (min–max)", "target", ""];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => required(c[i], `cell ${i}`).length)));
  const line = (c: readonly string[]) =>
    c
      .map((x, i) => x.padEnd(required(widths[i], `width of column ${i}`)))
      .join("  ")
      .trimEnd();
  const notes = rows.filter((r) => r.note).map((r) => `  ${r.item} ${r.what}: ${r.note}`);
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...cells.map(line), ...(notes.length ? ["", "notes:", ...notes] : [])].join(
    "\n",
  );
}

/** The same rows as Markdown (for README's Performance section). */
export function renderMarkdown(rows: readonly Row[]): string {
  const out = ["| # | measure | median (min–max) | target | |", "|---|---|---|---|---|"];
  for (const r of rows) {
    const verdict = r.target ? (r.target.met === null ? "?" : r.target.met ? "met" : "**missed**") : "";
    out.push(`| ${r.item} | ${r.what} | ${valueText(r.value, r.unit)} | ${r.target?.text ?? ""} | ${verdict} |`);
  }
  return out.join("\n");
}
