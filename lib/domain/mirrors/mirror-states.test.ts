import { describe, expect, it } from "vitest";
import {
  KNOWN_MIRROR_STATUSES,
  addPartitionStates,
  areAllMirrorPartitionsPaused,
  categoryOfMirrorStatus,
  compareMirrorStatusSeverity,
  derivePartitionStates,
  emptyPartitionStates,
  isMirrorInError,
  isMirrorPaused,
  isMirrorPending,
  isMirrorStopped,
  mirrorStatusSeverity,
  mirrorStatusTone,
  partitionStatesFromCategoryCounts,
  totalPartitions,
  unrecognisedPartitionCategories,
} from "./mirror-states";
import { PartitionStatesSchema } from "../types";

describe("categoryOfMirrorStatus (reference §7 mapping)", () => {
  it.each([
    ["ACTIVE", "ACTIVE"],
    ["PAUSED", "PAUSED"],
    ["LINK_PAUSED", "PAUSED"],
    ["PENDING_STOPPED", "PENDING"],
    ["PENDING_MIRROR", "PENDING"],
    ["PENDING_SYNCHRONIZE", "PENDING"],
    ["PENDING_SETUP_FOR_RESTORE", "PENDING"],
    ["PENDING_RESTORE", "PENDING"],
    ["FAILED", "IN_ERROR"],
    ["LINK_FAILED", "IN_ERROR"],
    ["SOURCE_UNAVAILABLE", "IN_ERROR"],
    ["STOPPED", "NOT_APPLICABLE"],
  ])("%s → %s", (status, category) => {
    expect(categoryOfMirrorStatus(status)).toBe(category);
  });

  it("maps every status Confluent documents", () => {
    for (const status of KNOWN_MIRROR_STATUSES) {
      expect(["ACTIVE", "PAUSED", "PENDING", "IN_ERROR", "NOT_APPLICABLE"]).toContain(categoryOfMirrorStatus(status));
    }
  });

  it("treats a new PENDING_* status as pending", () => {
    expect(categoryOfMirrorStatus("PENDING_SOMETHING_NEW")).toBe("PENDING");
  });

  it("keeps an unknown status verbatim as its own category", () => {
    expect(categoryOfMirrorStatus("QUARANTINED")).toBe("QUARANTINED");
    expect(categoryOfMirrorStatus("active")).toBe("active");
  });
});

describe("status predicates", () => {
  it("tells errors, pauses, pending and stopped apart", () => {
    expect(["FAILED", "LINK_FAILED", "SOURCE_UNAVAILABLE"].every(isMirrorInError)).toBe(true);
    expect(["ACTIVE", "PAUSED", "STOPPED", "PENDING_STOPPED", "WEIRD"].some(isMirrorInError)).toBe(false);
    expect(isMirrorPaused("LINK_PAUSED")).toBe(true);
    expect(isMirrorPaused("ACTIVE")).toBe(false);
    expect(isMirrorPending("PENDING_RESTORE")).toBe(true);
    expect(isMirrorStopped("STOPPED")).toBe(true);
    expect(isMirrorStopped("PENDING_STOPPED")).toBe(false);
  });
});

describe("severity", () => {
  it("sorts worst first: errors, unknown, paused, pending, active, stopped", () => {
    const sorted = ["STOPPED", "ACTIVE", "PENDING_MIRROR", "PAUSED", "NEW_THING", "SOURCE_UNAVAILABLE", "FAILED"].sort(
      compareMirrorStatusSeverity,
    );
    expect(sorted).toEqual(["FAILED", "SOURCE_UNAVAILABLE", "NEW_THING", "PAUSED", "PENDING_MIRROR", "ACTIVE", "STOPPED"]);
  });

  it("gives every known status a distinct rank", () => {
    const ranks = KNOWN_MIRROR_STATUSES.map(mirrorStatusSeverity);
    expect(new Set(ranks).size).toBe(ranks.length);
  });

  it("breaks ties by name", () => {
    expect(["ZED", "ALPHA"].sort(compareMirrorStatusSeverity)).toEqual(["ALPHA", "ZED"]);
  });

  it.each([
    ["FAILED", "error"],
    ["LINK_PAUSED", "warning"],
    ["PENDING_STOPPED", "pending"],
    ["ACTIVE", "ok"],
    ["STOPPED", "neutral"],
    ["NEW_THING", "unknown"],
  ])("tone of %s is %s", (status, tone) => {
    expect(mirrorStatusTone(status)).toBe(tone);
  });
});

describe("derivePartitionStates", () => {
  it("multiplies each mirror's category by its partitions", () => {
    const states = derivePartitionStates([
      { status: "ACTIVE", partitions: 6 },
      { status: "LINK_PAUSED", partitions: 2 },
      { status: "PENDING_MIRROR", partitions: 3 },
      { status: "SOURCE_UNAVAILABLE", partitions: 4 },
      { status: "STOPPED", partitions: 1 },
    ]);
    expect(states).toEqual({ ACTIVE: 6, PAUSED: 2, PENDING: 3, IN_ERROR: 4, NOT_APPLICABLE: 1 });
  });

  it("keeps unknown statuses as extra categories", () => {
    expect(derivePartitionStates([{ status: "QUARANTINED", partitions: 5 }])).toEqual({
      ...emptyPartitionStates(),
      QUARANTINED: 5,
    });
  });

  it("is all zeros for no mirrors, and always carries the five categories", () => {
    expect(derivePartitionStates([])).toEqual({ ACTIVE: 0, PAUSED: 0, PENDING: 0, IN_ERROR: 0, NOT_APPLICABLE: 0 });
  });

  it("produces output the API schema accepts", () => {
    expect(PartitionStatesSchema.parse(derivePartitionStates([{ status: "NEW", partitions: 1 }]))).toMatchObject({ NEW: 1 });
  });
});

describe("partitionStatesFromCategoryCounts", () => {
  it("takes category_counts as reported, extra categories included", () => {
    const states = partitionStatesFromCategoryCounts([
      { stateCategory: "ACTIVE", count: 10 },
      { stateCategory: "IN_ERROR", count: 2 },
      { stateCategory: "UNKNOWN", count: 0 },
    ]);
    expect(states).toEqual({ ACTIVE: 10, PAUSED: 0, PENDING: 0, IN_ERROR: 2, NOT_APPLICABLE: 0, UNKNOWN: 0 });
  });

  it("adds up a category listed twice", () => {
    expect(
      partitionStatesFromCategoryCounts([
        { stateCategory: "ACTIVE", count: 1 },
        { stateCategory: "ACTIVE", count: 2 },
      ]).ACTIVE,
    ).toBe(3);
  });
});

describe("sums and checks", () => {
  it("adds partition states, extra categories included", () => {
    const a = { ...emptyPartitionStates(), ACTIVE: 1, ODD: 2 };
    const b = { ...emptyPartitionStates(), ACTIVE: 3, PAUSED: 1 };
    expect(addPartitionStates(a, b)).toEqual({ ACTIVE: 4, PAUSED: 1, PENDING: 0, IN_ERROR: 0, NOT_APPLICABLE: 0, ODD: 2 });
    expect(addPartitionStates()).toEqual(emptyPartitionStates());
  });

  it("counts every partition", () => {
    expect(totalPartitions({ ...emptyPartitionStates(), ACTIVE: 2, IN_ERROR: 1, ODD: 4 })).toBe(7);
  });

  it("lists only unknown categories that hold partitions", () => {
    expect(unrecognisedPartitionCategories({ ...emptyPartitionStates(), ZED: 1, UNKNOWN: 0, ALPHA: 2 })).toEqual(["ALPHA", "ZED"]);
  });

  it("calls a link all paused when every partition still mirroring is paused", () => {
    expect(areAllMirrorPartitionsPaused({ ...emptyPartitionStates(), PAUSED: 4 })).toBe(true);
    expect(areAllMirrorPartitionsPaused({ ...emptyPartitionStates(), PAUSED: 4, NOT_APPLICABLE: 2 })).toBe(true);
    expect(areAllMirrorPartitionsPaused({ ...emptyPartitionStates(), PAUSED: 4, ACTIVE: 1 })).toBe(false);
    expect(areAllMirrorPartitionsPaused({ ...emptyPartitionStates(), PAUSED: 4, ODD: 1 })).toBe(false);
    expect(areAllMirrorPartitionsPaused(emptyPartitionStates())).toBe(false);
  });
});
