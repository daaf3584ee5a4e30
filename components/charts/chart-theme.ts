/** Chart colours are theme tokens (app/globals.css), so light and dark mode and contrast are decided in one place. */
export const SERIES_TOKENS = ["chart-1", "chart-2", "chart-3", "chart-4", "chart-5", "chart-6", "chart-7", "chart-8"] as const;
export type ChartToken = "ok" | "warn" | "err" | "info" | "accent" | "neutral" | "muted" | (typeof SERIES_TOKENS)[number];

export const tokenVar = (token: ChartToken) => `var(--${token})`;

/** The nth neutral series colour, cycling; lines beyond the palette also get a dash pattern to stay apart. */
export function seriesToken(index: number): ChartToken {
  return SERIES_TOKENS[index % SERIES_TOKENS.length] ?? SERIES_TOKENS[0];
}

export function seriesDash(index: number): string | undefined {
  return index >= SERIES_TOKENS.length ? "6 3" : undefined;
}

export const AXIS_STYLE = { fontSize: 12, fill: "var(--muted)" } as const;
