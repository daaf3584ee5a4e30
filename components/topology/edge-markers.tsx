import type { Tone } from "./looks";
import { TONE_VAR } from "./looks";

const TONES: Tone[] = ["ok", "warn", "err", "info", "neutral"];

export function flowMarkerId(tone: Tone): string {
  return `ls-flow-arrow-${tone}`;
}
export const CONNECTION_MARKER_ID = "ls-connection-arrow";

/**
 * Arrowheads for the graph and the legend, defined once per page: a filled triangle per health tone for data
 * flows, and an open chevron for connections, so the two arrow kinds differ at their tips as well.
 */
export function EdgeMarkerDefs() {
  return (
    <svg aria-hidden width="0" height="0" style={{ position: "absolute", width: 0, height: 0, overflow: "hidden" }}>
      <defs>
        {TONES.map((tone) => (
          <marker
            key={tone}
            id={flowMarkerId(tone)}
            viewBox="0 0 10 10"
            refX="8"
            refY="5"
            markerWidth="4.5"
            markerHeight="4.5"
            markerUnits="strokeWidth"
            orient="auto-start-reverse"
          >
            <path d="M 0 0 L 10 5 L 0 10 z" style={{ fill: TONE_VAR[tone] }} />
          </marker>
        ))}
        <marker
          id={CONNECTION_MARKER_ID}
          viewBox="0 0 12 12"
          refX="10"
          refY="6"
          markerWidth="11"
          markerHeight="11"
          markerUnits="userSpaceOnUse"
          orient="auto-start-reverse"
        >
          <path
            d="M 2 1.5 L 10 6 L 2 10.5"
            fill="none"
            style={{ stroke: "var(--connection-stroke, var(--muted))" }}
            strokeWidth="1.6"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </marker>
      </defs>
    </svg>
  );
}
