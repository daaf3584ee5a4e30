import "server-only";

/*
 * One mirror's partitions at one instant, packed into a blob: per partition, in ascending partition order,
 *   varint(partition - previous partition)   (previous starts at -1, so the usual step is 1 byte)
 *   zigzag varint(lag)                        (-1 and other negatives mean "not known")
 *   varint(lastSourceFetchOffset + 1)         (-1 means "not known")
 * Packing a mirror per row instead of a row per partition and metric keeps a 57,600-partition sample to a few
 * thousand small rows (see bench/history-sampler.ts).
 */

export interface PartitionValues {
  partition: number;
  lag: number;
  lastSourceFetchOffset: number;
}

const MAX_VARINT_BYTES = 8; // 2^53 needs 8 groups of 7 bits
let scratch = Buffer.allocUnsafe(64 * 1024);

function ensureScratch(bytes: number): Buffer {
  if (scratch.length < bytes) scratch = Buffer.allocUnsafe(Math.max(bytes, scratch.length * 2));
  return scratch;
}

function writeVarint(buf: Buffer, pos: number, value: number): number {
  let v = value;
  while (v >= 0x80) {
    buf[pos++] = (v % 0x80) | 0x80;
    v = Math.floor(v / 0x80);
  }
  buf[pos++] = v;
  return pos;
}

const zigzag = (v: number) => (v >= 0 ? v * 2 : -v * 2 - 1);
const unzigzag = (z: number) => (z % 2 === 0 ? z / 2 : -(z + 1) / 2);

const knownInt = (v: number, unknown: number) => (Number.isFinite(v) ? Math.trunc(v) : unknown);

export interface EncodedFrame {
  /** A view into a shared buffer: valid until the next encode call (bind it to a statement straight away). */
  bytes: Buffer;
  /** Largest known lag, -1 when no partition has one. */
  maxLag: number;
  /** Sum of the known lags. */
  totalLag: number;
}

/** `partitions` must be sorted by partition (the Confluent client sorts them); a repeated partition is dropped. */
export function encodeFrame(partitions: readonly PartitionValues[]): EncodedFrame {
  const buf = ensureScratch(partitions.length * 3 * MAX_VARINT_BYTES);
  let pos = 0;
  let previous = -1;
  let maxLag = -1;
  let totalLag = 0;
  for (const p of partitions) {
    if (!Number.isInteger(p.partition) || p.partition <= previous) continue;
    const lag = Math.max(-1, knownInt(p.lag, -1));
    const offset = Math.max(-1, knownInt(p.lastSourceFetchOffset, -1));
    pos = writeVarint(buf, pos, p.partition - previous);
    pos = writeVarint(buf, pos, zigzag(lag));
    pos = writeVarint(buf, pos, offset + 1);
    previous = p.partition;
    if (lag >= 0) {
      if (lag > maxLag) maxLag = lag;
      totalLag += lag;
    }
  }
  return { bytes: buf.subarray(0, pos), maxLag, totalLag };
}

/** Calls `visit` for each partition in the frame, in partition order, without allocating per partition. */
export function decodeFrame(bytes: Uint8Array, visit: (partition: number, lag: number, lastSourceFetchOffset: number) => void): void {
  let pos = 0;
  let partition = -1;
  const readVarint = (): number => {
    let result = 0;
    let scale = 1;
    for (;;) {
      const byte = bytes[pos++];
      if (byte === undefined) throw new RangeError("truncated history frame");
      result += (byte & 0x7f) * scale;
      if (byte < 0x80) return result;
      scale *= 0x80;
    }
  };
  while (pos < bytes.length) {
    partition += readVarint();
    const lag = unzigzag(readVarint());
    const offset = readVarint() - 1;
    visit(partition, lag, offset);
  }
}

/** Per-partition maximum of several frames of one mirror (a one-minute bucket). */
export class FrameMerger {
  private readonly byPartition = new Map<number, PartitionValues>();

  add(bytes: Uint8Array): void {
    decodeFrame(bytes, (partition, lag, lastSourceFetchOffset) => {
      const seen = this.byPartition.get(partition);
      if (!seen) this.byPartition.set(partition, { partition, lag, lastSourceFetchOffset });
      else {
        if (lag > seen.lag) seen.lag = lag;
        if (lastSourceFetchOffset > seen.lastSourceFetchOffset) seen.lastSourceFetchOffset = lastSourceFetchOffset;
      }
    });
  }

  encode(): EncodedFrame {
    return encodeFrame([...this.byPartition.values()].sort((a, b) => a.partition - b.partition));
  }
}
