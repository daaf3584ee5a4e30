/*
 * Number and time formatting shared by every widget. A fixed locale keeps server and browser output identical
 * and the tests deterministic; the grouping separator is what an SRE reading 1,234,567 messages needs.
 */
const integer = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });
const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });

export const DASH = "—";

/** 1234567 → "1,234,567"; null/undefined → "—". */
export function formatCount(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
  return integer.format(value);
}

/** For axes and tight spots: 1234567 → "1.2M". */
export function formatCompact(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
  return compact.format(value);
}

/** Rates such as messages per second: one decimal below 100, whole numbers above. */
export function formatRate(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
  return Math.abs(value) >= 100 ? integer.format(value) : oneDecimal.format(value);
}

export function formatPercent(fraction: number): string {
  if (!Number.isFinite(fraction)) return DASH;
  const pct = fraction * 100;
  if (pct > 0 && pct < 0.1) return "<0.1%";
  return `${oneDecimal.format(pct)}%`;
}

/** A duration for people: "45 s", "12 min", "3 h 5 min", "2 d 4 h". Negative durations (clock skew) read as 0 s. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return DASH;
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  if (h < 24) return m % 60 ? `${h} h ${m % 60} min` : `${h} h`;
  const d = Math.floor(h / 24);
  return h % 24 ? `${d} d ${h % 24} h` : `${d} d`;
}

/** "3 min ago"; a time slightly in the future (clock skew between server and browser) reads as "just now". */
export function formatAgo(thenMs: number, nowMs: number): string {
  const ms = nowMs - thenMs;
  if (ms < 5_000) return "just now";
  return `${formatDuration(ms)} ago`;
}

/** Seconds as a duration, keeping sub-second precision that matters for lag ("0.4 s"). */
export function formatSeconds(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return DASH;
  if (seconds < 10) return `${oneDecimal.format(Math.max(0, seconds))} s`;
  return formatDuration(seconds * 1000);
}

/** An absolute timestamp, local time or UTC, to the second: "2026-11-21 15:04:05" (+ " UTC"). */
export function formatTimestamp(ms: number, { utc = false }: { utc?: boolean } = {}): string {
  if (!Number.isFinite(ms)) return DASH;
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, "0");
  const [y, mo, day, h, mi, s] = utc
    ? [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()]
    : [d.getFullYear(), d.getMonth() + 1, d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds()];
  return `${y}-${pad(mo)}-${pad(day)} ${pad(h)}:${pad(mi)}:${pad(s)}${utc ? " UTC" : ""}`;
}
