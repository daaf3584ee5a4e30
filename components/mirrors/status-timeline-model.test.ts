import { describe, expect, it } from "vitest";
import { statusTimeline, timelinePercent } from "./status-timeline-model";

describe("statusTimeline", () => {
  it("reports the current status from state_time_ms and leaves the time before it unreported", () => {
    const t = statusTimeline({ status: "PAUSED", stateTimeMs: 600, from: 0, to: 1_000, sampleTimes: [100, 700], observed: [] });
    expect(t.segments).toEqual([
      { kind: "unreported", start: 0, end: 600, sampled: true },
      { kind: "reported", status: "PAUSED", start: 600, end: 1_000 },
    ]);
    expect(t.startsBeforeWindow).toBe(false);
  });

  it("says whether history samples exist before the change", () => {
    const t = statusTimeline({ status: "ACTIVE", stateTimeMs: 600, from: 0, to: 1_000, sampleTimes: [650, 900], observed: [] });
    expect(t.segments[0]).toMatchObject({ kind: "unreported", sampled: false });
  });

  it("is one reported segment when the status began before the window", () => {
    const t = statusTimeline({ status: "ACTIVE", stateTimeMs: -5_000, from: 0, to: 1_000, sampleTimes: [], observed: [] });
    expect(t.segments).toEqual([{ kind: "reported", status: "ACTIVE", start: 0, end: 1_000 }]);
    expect(t.startsBeforeWindow).toBe(true);
  });

  it("clamps a state time in the future (clock skew) to the window end", () => {
    const t = statusTimeline({ status: "ACTIVE", stateTimeMs: 5_000, from: 0, to: 1_000, sampleTimes: [], observed: [] });
    expect(t.segments.at(-1)).toEqual({ kind: "reported", status: "ACTIVE", start: 1_000, end: 1_000 });
  });

  it("keeps observed changes inside the window, oldest first", () => {
    const t = statusTimeline({
      status: "ACTIVE",
      stateTimeMs: 900,
      from: 0,
      to: 1_000,
      sampleTimes: [],
      observed: [
        { from: "PAUSED", to: "ACTIVE", at: 950 },
        { from: "ACTIVE", to: "PAUSED", at: 400 },
        { from: "X", to: "Y", at: -10 },
      ],
    });
    expect(t.observed.map((o) => o.at)).toEqual([400, 950]);
  });
});

describe("timelinePercent", () => {
  it("maps and clamps", () => {
    expect(timelinePercent(250, 0, 1_000)).toBe(25);
    expect(timelinePercent(-1, 0, 1_000)).toBe(0);
    expect(timelinePercent(2_000, 0, 1_000)).toBe(100);
    expect(timelinePercent(5, 5, 5)).toBe(0);
  });
});
