const integer = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });

/** Lag in messages for a label, with its unit: "0 msgs", "1 msg", "24.7K msgs"; null → "unknown". */
export function formatLagShort(lag: number | null): string {
  if (lag === null || !Number.isFinite(lag)) return "unknown";
  return `${lag < 1000 ? integer.format(lag) : compact.format(lag)} ${lag === 1 ? "msg" : "msgs"}`;
}

/** Lag in messages in full: "24,680 messages"; null → "unknown". */
export function formatLagLong(lag: number | null): string {
  if (lag === null || !Number.isFinite(lag)) return "unknown";
  return `${integer.format(lag)} ${lag === 1 ? "message" : "messages"}`;
}

export function formatInteger(n: number): string {
  return integer.format(n);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${integer.format(n)} ${n === 1 ? one : many}`;
}
