import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { firstFreePort, isPortFree, isRangeFree } from "./free-ports";

const servers: net.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

/** Occupies an ephemeral port and returns it. */
function occupy(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer();
    servers.push(server);
    server.listen(0, "127.0.0.1", () => resolve((server.address() as net.AddressInfo).port));
  });
}

describe("free ports", () => {
  it("skips a port something listens on", async () => {
    const taken = await occupy();
    expect(await isPortFree(taken, "127.0.0.1")).toBe(false);
    expect(await isRangeFree(taken - 1, 3, "127.0.0.1")).toBe(false);
    const free = await firstFreePort([taken, taken + 1, taken + 2], "127.0.0.1");
    expect(free).not.toBe(taken);
    expect(free).not.toBeNull();
  });
});
