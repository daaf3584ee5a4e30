/** A tiny writer for the Prometheus text exposition format (version 0.0.4). */
export type Labels = Record<string, string>;

function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/"/g, '\\"');
}

function formatLabels(labels: Labels): string {
  const entries = Object.entries(labels);
  if (entries.length === 0) return "";
  return `{${entries.map(([k, v]) => `${k}="${escapeLabelValue(v)}"`).join(",")}}`;
}

export class PrometheusText {
  private readonly lines: string[] = [];

  gauge(name: string, help: string, samples: Array<{ labels: Labels; value: number }>): this {
    this.lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} gauge`);
    for (const s of samples) this.lines.push(`${name}${formatLabels(s.labels)} ${Number.isFinite(s.value) ? s.value : "NaN"}`);
    return this;
  }

  toString(): string {
    return `${this.lines.join("\n")}\n`;
  }
}
