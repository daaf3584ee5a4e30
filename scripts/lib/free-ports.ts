import net from "node:net";

/** True when nothing listens on `port` at `host` (we could bind it right now). */
export function isPortFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
}

/** The first port of `candidates` that is free, or null. */
export async function firstFreePort(candidates: readonly number[], host: string): Promise<number | null> {
  for (const port of candidates) if (await isPortFree(port, host)) return port;
  return null;
}

/** True when all of `count` ports from `start` are free (the simulator puts cluster i on start + i). */
export async function isRangeFree(start: number, count: number, host: string): Promise<boolean> {
  for (let i = 0; i < count; i++) if (!(await isPortFree(start + i, host))) return false;
  return true;
}
