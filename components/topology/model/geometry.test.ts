import { describe, expect, it } from "vitest";
import { laneSegment, pointAt, segmentPath } from "./geometry";

const HW = 100;
const HH = 50;

describe("laneSegment", () => {
  it("runs from the source card's border to the target card's border", () => {
    const s = laneSegment({ x: 0, y: 0 }, { x: 500, y: 0 }, HW, HH, 0, false, { start: 0, end: 0 })!;
    expect(s).toEqual({ x1: 100, y1: 0, x2: 400, y2: 0 });
  });

  it("leaves gaps at both ends for the arrowhead", () => {
    const s = laneSegment({ x: 0, y: 0 }, { x: 500, y: 0 }, HW, HH, 0, false, { start: 2, end: 5 })!;
    expect(s.x1).toBe(102);
    expect(s.x2).toBe(395);
  });

  it("puts opposite edges with opposite offsets in different lanes, and equal offsets in the same lane", () => {
    const a = { x: 0, y: 0 };
    const b = { x: 500, y: 0 };
    // a → b in canonical direction, b → a reversed; both measured along the same normal.
    const forward = laneSegment(a, b, HW, HH, -7, false)!;
    const backward = laneSegment(b, a, HW, HH, 7, true)!;
    expect(forward.y1).toBeCloseTo(-7);
    expect(backward.y1).toBeCloseTo(7);
    const sameLane = laneSegment(b, a, HW, HH, -7, true)!;
    expect(sameLane.y1).toBeCloseTo(-7);
  });

  it("clips diagonal lanes at the card borders", () => {
    const s = laneSegment({ x: 0, y: 0 }, { x: 400, y: 400 }, HW, HH, 0, false, { start: 0, end: 0 })!;
    // leaves through the bottom edge (y = 50) first, since the card is wider than tall
    expect(s.y1).toBeCloseTo(50);
    expect(s.x1).toBeCloseTo(50);
    expect(s.y2).toBeCloseTo(350);
  });

  it("draws nothing when the cards touch or overlap", () => {
    expect(laneSegment({ x: 0, y: 0 }, { x: 150, y: 0 }, HW, HH, 0, false)).toBeNull();
    expect(laneSegment({ x: 0, y: 0 }, { x: 0, y: 0 }, HW, HH, 0, false)).toBeNull();
  });
});

describe("pointAt and segmentPath", () => {
  it("interpolates and prints a straight path", () => {
    const s = { x1: 0, y1: 0, x2: 10, y2: 20 };
    expect(pointAt(s, 0.5)).toEqual({ x: 5, y: 10 });
    expect(segmentPath(s)).toBe("M 0.0 0.0 L 10.0 20.0");
  });
});
