import type { GroupSummary } from "./fleet-view";
import { NODE_HEIGHT, NODE_WIDTH, ZONE_LABEL, ZONE_ORDER, type Box, type Point, type ZoneKey } from "./layout";

const GAP = 24;
const BAND_PAD = { x: 16, top: 36, bottom: 16 };
const BAND_GAP = 16;

export interface ZoneBand extends Box {
  zone: ZoneKey;
  label: string;
}

/** A large fleet's overview: one band per network zone, its groups' cards in rows of up to `perRow`. */
export function overviewLayout(
  groups: readonly GroupSummary[],
  perRow = 4,
): { bands: ZoneBand[]; positions: Record<string, Point>; width: number; height: number } {
  const bands: ZoneBand[] = [];
  const positions: Record<string, Point> = {};
  let top = 0;
  let width = 0;
  for (const zone of ZONE_ORDER) {
    const members = groups.filter((g) => g.zone === zone);
    if (members.length === 0) continue;
    const columns = Math.min(perRow, members.length);
    const rows = Math.ceil(members.length / perRow);
    members.forEach((g, i) => {
      positions[g.id] = {
        x: BAND_PAD.x + (i % perRow) * (NODE_WIDTH + GAP),
        y: top + BAND_PAD.top + Math.floor(i / perRow) * (NODE_HEIGHT + GAP),
      };
    });
    const band = {
      zone,
      label: zone === "unknown" && members.every((g) => g.region === "external") ? "Outside Linkscope" : ZONE_LABEL[zone],
      x: 0,
      y: top,
      width: 2 * BAND_PAD.x + columns * NODE_WIDTH + (columns - 1) * GAP,
      height: BAND_PAD.top + rows * NODE_HEIGHT + (rows - 1) * GAP + BAND_PAD.bottom,
    };
    bands.push(band);
    width = Math.max(width, band.width);
    top += band.height + BAND_GAP;
  }
  for (const band of bands) band.width = width;
  return { bands, positions, width, height: Math.max(0, top - BAND_GAP) };
}
