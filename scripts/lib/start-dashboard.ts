import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

/** Starts the production server (`next start`) with a given config file; resolves once it answers /api/health. */
export async function startDashboard({
  root,
  configFile,
  port,
  host = "127.0.0.1",
  quiet = false,
}: {
  root: string;
  configFile: string;
  port: number;
  host?: string;
  quiet?: boolean;
}): Promise<ChildProcess> {
  const child = spawn(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port), "-H", host], {
    cwd: root,
    stdio: quiet ? ["ignore", "ignore", "inherit"] : "inherit",
    env: { ...process.env, LINKSCOPE_CONFIG: configFile, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
  });
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
