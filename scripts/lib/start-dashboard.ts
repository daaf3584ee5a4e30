import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, existsSync } from "node:fs";
import net from "node:net";
import path from "node:path";

/** The standalone server needs the static assets beside it; `next build` leaves them out (see Next's output docs). */
function prepareStandalone(root: string): string | null {
  const dir = path.join(root, ".next", "standalone");
  const server = path.join(dir, "server.js");
  if (!existsSync(server)) return null;
  cpSync(path.join(root, ".next", "static"), path.join(dir, ".next", "static"), { recursive: true });
  if (existsSync(path.join(root, "public"))) cpSync(path.join(root, "public"), path.join(dir, "public"), { recursive: true });
  return server;
}

/**
 * The heap limit the dashboard runs with unless NODE_OPTIONS sets one. Without a limit, V8 on a machine with plenty
 * of memory lets the garbage of each fleet refresh pile up to several times the live heap before collecting it: in
 * the benchmark's scale fleet (24 clusters, 9,600 mirrors; ~85 MB live) the server peaked at 420–460 MB of RSS, and
 * at ~260 MB with this limit. The price is more frequent collection: p95 latency under 50 viewers ~140 → ~230 ms.
 * README, "Deploying", says how to size it.
 */
export const DEFAULT_MAX_OLD_SPACE_MB = 768;

/**
 * The young generation's starting size. V8 starts it at 1 MB and grows it to its 16 MB maximum only as it fills,
 * so a fresh server's first fleet reading (which stays live) is copied by many small scavenges first: a fifth of
 * the cold read's main thread. Starting at the maximum changes nothing once the server has grown it under load
 * (README, Performance: cold CPU 790 → 695 ms; p95 under 50 viewers unchanged). A larger maximum was worse.
 */
export const DEFAULT_MIN_SEMI_SPACE_MB = 16;

/** Node's memory options for the server, each unless NODE_OPTIONS already sets its kind. */
export function heapArgs(nodeOptions: string | undefined): string[] {
  const options = nodeOptions ?? "";
  return [
    ...(/--max-old-space-size[= ]/.test(options) ? [] : [`--max-old-space-size=${DEFAULT_MAX_OLD_SPACE_MB}`]),
    ...(/--(min|max)-semi-space-size[= ]/.test(options) ? [] : [`--min-semi-space-size=${DEFAULT_MIN_SEMI_SPACE_MB}`]),
  ];
}

/** Fails early and clearly when something else already listens there (its answers would be mistaken for ours). */
function assertPortFree(port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", () =>
      reject(new Error(`port ${port} on ${host} is already in use; stop whatever listens there or choose another port (PORT=…)`)),
    );
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

/** Starts the production server (the standalone `server.js`, as deployed) with a config file; resolves once it answers /api/health. */
export async function startDashboard({
  root,
  configFile,
  port,
  host = "127.0.0.1",
  quiet = false,
  onOutput,
  nodeArgs = [],
}: {
  root: string;
  configFile: string;
  port: number;
  host?: string;
  quiet?: boolean;
  /** Receives everything the server writes to stdout and stderr (instead of the terminal). */
  onOutput?: (chunk: string) => void;
  /** More options for Node itself, e.g. `--cpu-prof` (which NODE_OPTIONS does not accept). */
  nodeArgs?: readonly string[];
}): Promise<ChildProcess> {
  await assertPortFree(port, host);
  const standalone = prepareStandalone(root);
  const args = [
    ...heapArgs(process.env.NODE_OPTIONS),
    ...nodeArgs,
    ...(standalone
      ? [standalone]
      : [path.join(root, "node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port), "-H", host]),
  ];
  const child = spawn(process.execPath, args, {
    cwd: root,
    stdio: onOutput ? ["ignore", "pipe", "pipe"] : quiet ? ["ignore", "ignore", "inherit"] : "inherit",
    env: {
      ...process.env,
      LINKSCOPE_CONFIG: path.resolve(configFile),
      PORT: String(port),
      HOSTNAME: host,
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: "production",
    },
  });
  if (onOutput) {
    child.stdout?.on("data", (c: Buffer) => onOutput(c.toString("utf8")));
    child.stderr?.on("data", (c: Buffer) => onOutput(c.toString("utf8")));
  }
  const url = `http://${host}:${port}/api/health`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the dashboard exited with code ${child.exitCode} before it was ready`);
    try {
      const res = await fetch(url);
      if (res.ok) return child;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGTERM");
      throw new Error(`the dashboard did not answer ${url} within 60 s`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

export function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
    setTimeout(() => child.kill("SIGKILL"), 5000).unref();
  });
}
