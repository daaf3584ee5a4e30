import { describe, expect, it } from "vitest";
import { ConfluentError } from "@/lib/confluent/errors";
import { attemptsOf, createWaitingForPartner, isPartnerMissing } from "./partner-wait";

const missing = () => new ConfluentError("bad-request", "rejected POST … (HTTP 400: Cluster link 'x' could not be created: the destination cluster lkc-1 does not have a link named x.)", { status: 400 });

function fakeClock() {
  let t = 0;
  const sleeps: number[] = [];
  return {
    now: () => t,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      t += ms;
    },
    sleeps,
  };
}

describe("createWaitingForPartner", () => {
  it("retries only the ordering error, with doubling back-off, until the destination half is there", async () => {
    const clock = fakeClock();
    let calls = 0;
    const retries: number[] = [];
    const r = await createWaitingForPartner(
      async () => {
        calls++;
        if (calls < 4) throw missing();
      },
      { ...clock, onRetry: (n) => retries.push(n) },
    );
    expect(r).toEqual({ attempts: 4 });
    expect(clock.sleeps).toEqual([500, 1000, 2000]);
    expect(retries).toEqual([1, 2, 3]);
  });

  it("gives up within 30 s and throws the last ordering error with the attempt count", async () => {
    const clock = fakeClock();
    const err = await createWaitingForPartner(async () => Promise.reject(missing()), clock).catch((e: unknown) => e);
    expect(isPartnerMissing(err)).toBe(true);
    expect(clock.now()).toBeLessThanOrEqual(30_000);
    expect(clock.sleeps).toEqual([500, 1000, 2000, 4000, 4000, 4000, 4000, 4000, 4000]);
    expect(attemptsOf(err)).toBe(10);
  });

  it("never retries any other failure (a mutation is not retried blindly)", async () => {
    const clock = fakeClock();
    let calls = 0;
    const other = new ConfluentError("bad-request", "validation failed: Authentication failed", { status: 400 });
    await expect(
      createWaitingForPartner(async () => {
        calls++;
        throw other;
      }, clock),
    ).rejects.toBe(other);
    expect(calls).toBe(1);
    expect(clock.sleeps).toEqual([]);
    const unreachable = new ConfluentError("unreachable", "does not have a link named (but a network error)");
    await expect(createWaitingForPartner(async () => Promise.reject(unreachable), clock)).rejects.toBe(unreachable);
  });
});
