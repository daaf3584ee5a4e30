import { describe, expect, it } from "vitest";
import { decodeFrame, encodeFrame, FrameMerger, type PartitionValues } from "./frame-codec";

function decode(bytes: Uint8Array): PartitionValues[] {
  const out: PartitionValues[] = [];
  decodeFrame(bytes, (partition, lag, lastSourceFetchOffset) => out.push({ partition, lag, lastSourceFetchOffset }));
  return out;
}

describe("frame codec", () => {
  it("round-trips partitions, including gaps, unknown values and offsets near 2^53", () => {
    const partitions = [
      { partition: 0, lag: 0, lastSourceFetchOffset: 0 },
      { partition: 1, lag: 1234, lastSourceFetchOffset: 2 ** 40 + 7 },
      { partition: 5, lag: -1, lastSourceFetchOffset: -1 },
      { partition: 6, lag: 2 ** 52, lastSourceFetchOffset: Number.MAX_SAFE_INTEGER - 1 },
    ];
    const frame = encodeFrame(partitions);
    expect(decode(Buffer.from(frame.bytes))).toEqual(partitions);
    expect(frame.maxLag).toBe(2 ** 52);
    expect(frame.totalLag).toBe(2 ** 52 + 1234);
  });

  it("uses about 8 bytes for a partition with a few thousand lag and a ten-digit offset", () => {
    const partitions = Array.from({ length: 100 }, (_, partition) => ({
      partition,
      lag: 1500,
      lastSourceFetchOffset: 5_000_000_000 + partition,
    }));
    expect(encodeFrame(partitions).bytes.length).toBe(100 * (1 + 2 + 5));
  });

  it("drops a repeated partition, treats non-finite values as unknown and reports -1 max lag when none is known", () => {
    const frame = encodeFrame([
      { partition: 2, lag: Number.NaN, lastSourceFetchOffset: Infinity },
      { partition: 2, lag: 5, lastSourceFetchOffset: 5 },
    ]);
    expect(decode(Buffer.from(frame.bytes))).toEqual([{ partition: 2, lag: -1, lastSourceFetchOffset: -1 }]);
    expect(frame.maxLag).toBe(-1);
    expect(frame.totalLag).toBe(0);
  });

  it("encodes an empty mirror as an empty blob", () => {
    const frame = encodeFrame([]);
    expect(frame.bytes.length).toBe(0);
    expect(decode(frame.bytes)).toEqual([]);
  });

  it("refuses a truncated frame", () => {
    const bytes = Buffer.from(encodeFrame([{ partition: 0, lag: 300, lastSourceFetchOffset: 10 ** 9 }]).bytes);
    expect(() => decode(bytes.subarray(0, bytes.length - 1))).toThrow(RangeError);
  });

  it("merges frames into the per-partition maximum, keeping partitions seen in any frame", () => {
    const merger = new FrameMerger();
    merger.add(
      Buffer.from(
        encodeFrame([
          { partition: 0, lag: 10, lastSourceFetchOffset: 100 },
          { partition: 1, lag: -1, lastSourceFetchOffset: -1 },
        ]).bytes,
      ),
    );
    merger.add(
      Buffer.from(
        encodeFrame([
          { partition: 0, lag: 4, lastSourceFetchOffset: 120 },
          { partition: 1, lag: 3, lastSourceFetchOffset: 50 },
          { partition: 2, lag: 0, lastSourceFetchOffset: 9 },
        ]).bytes,
      ),
    );
    const merged = merger.encode();
    expect(decode(Buffer.from(merged.bytes))).toEqual([
      { partition: 0, lag: 10, lastSourceFetchOffset: 120 },
      { partition: 1, lag: 3, lastSourceFetchOffset: 50 },
      { partition: 2, lag: 0, lastSourceFetchOffset: 9 },
    ]);
    expect(merged.maxLag).toBe(10);
  });
});
