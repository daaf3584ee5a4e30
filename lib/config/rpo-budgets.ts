import type { LinkSettings } from "./schema";

export interface RpoBudgetSettings {
  rpoSeconds: number;
  links: readonly LinkSettings[];
}

/**
 * The RPO budget of the link `link` as hosted on `cluster`: the entry naming both wins, then one naming the link alone,
 * then the fleet's default.
 */
export function rpoBudgetSeconds(settings: RpoBudgetSettings, cluster: string, link: string): number {
  const exact = settings.links.find((l) => l.name === link && l.cluster === cluster);
  const byName = settings.links.find((l) => l.name === link && l.cluster === undefined);
  return (exact ?? byName)?.rpoSeconds ?? settings.rpoSeconds;
}
