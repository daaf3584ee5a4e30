import "server-only";

/**
 * Renews a lease every `everyMs` until stopped, so a holder that is alive keeps it and one that died loses it. A
 * failed renewal is logged and retried at the next tick; the timer never keeps the process alive.
 */
export function keepRenewed(renew: () => Promise<unknown>, everyMs: number, warn: (line: string) => void): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    renew()
      .catch((err: unknown) => warn(`linkscope: could not renew a lease (${err instanceof Error ? err.message : String(err)})`))
      .finally(() => (running = false));
  }, Math.max(50, everyMs));
  timer.unref();
  return () => clearInterval(timer);
}
