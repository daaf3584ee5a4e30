import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";

/*
 * A throwaway PostgreSQL for tests: initdb into a temp directory, a free loopback port, its unix socket in that
 * directory, password authentication (so tests can check the password never reaches a log). As root it runs as
 * `nobody` (PostgreSQL refuses to run as root). stop() ends it and removes the directory.
 */

export interface PostgresServer {
  /** postgres://linkscope:<password>@127.0.0.1:<port>/postgres */
  url: string;
  password: string;
  port: number;
  /** Stops the server and keeps its data, so start() can bring it back on the same port. */
  halt(): Promise<void>;
  start(): Promise<void>;
  /** Stops the server and removes its directory. */
  stop(): Promise<void>;
}

/** The directory holding initdb and postgres: `pg_config --bindir`, else Debian's /usr/lib/postgresql/<n>/bin. */
export function postgresBinDir(): string | null {
  const fromPgConfig = spawnSync("pg_config", ["--bindir"], { encoding: "utf8" });
  const candidates = fromPgConfig.status === 0 ? [fromPgConfig.stdout.trim()] : [];
  const debian = "/usr/lib/postgresql";
  if (existsSync(debian)) {
    for (const v of readdirSync(debian).sort((a, b) => Number(b) - Number(a))) candidates.push(path.join(debian, v, "bin"));
  }
  return candidates.find((dir) => existsSync(path.join(dir, "initdb")) && existsSync(path.join(dir, "postgres"))) ?? null;
}

/**
 * Whether a suite needing PostgreSQL runs here. Locally a missing installation skips with a notice; under CI=true it
 * is a failure (`.ci/run` installs the package), so a suite never passes by not running.
 */
export function postgresAvailability(): { available: boolean; notice: string | null } {
  if (postgresBinDir()) return { available: true, notice: null };
  const notice = "PostgreSQL binaries (initdb, postgres) were not found via pg_config --bindir or /usr/lib/postgresql/*/bin";
  if (process.env.CI === "true") throw new Error(`${notice}; CI must run the PostgreSQL tests (apt-get install postgresql)`);
  console.warn(`SKIPPED: ${notice}; install PostgreSQL (apt-get install postgresql) to run these tests`);
  return { available: false, notice };
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const NOBODY = { uid: 65534, gid: 65534 };
const asRoot = typeof process.getuid === "function" && process.getuid() === 0;

function run(bin: string, args: string[]): void {
  const r = spawnSync(bin, args, { encoding: "utf8", ...(asRoot ? NOBODY : {}) });
  if (r.status !== 0) throw new Error(`${path.basename(bin)} failed (${r.status}): ${r.stderr || r.stdout}`);
}

export async function startPostgres(): Promise<PostgresServer> {
  const bin = postgresBinDir();
  if (!bin) throw new Error("PostgreSQL binaries not found");
  const dir = mkdtempSync(path.join(tmpdir(), "linkscope-pg-"));
  const data = path.join(dir, "data");
  const password = `pw-${Math.random().toString(36).slice(2)}-${Date.now().toString(36)}`;
  writeFileSync(path.join(dir, "pwfile"), `${password}\n`);
  if (asRoot) {
    chownSync(dir, NOBODY.uid, NOBODY.gid);
    chownSync(path.join(dir, "pwfile"), NOBODY.uid, NOBODY.gid);
  }
  run(path.join(bin, "initdb"), ["-D", data, "-U", "linkscope", `--pwfile=${path.join(dir, "pwfile")}`, "--auth=scram-sha-256", "-E", "UTF8", "--no-sync", "--no-instructions"]);
  const port = await freePort();
  const url = `postgres://linkscope:${password}@127.0.0.1:${port}/postgres`;
  let child: ChildProcess | null = null;

  const start = async () => {
    const args = ["-D", data, "-p", String(port), "-k", dir, "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "max_connections=50"];
    const proc = spawn(path.join(bin, "postgres"), args, { stdio: ["ignore", "ignore", "pipe"], ...(asRoot ? NOBODY : {}) });
    let stderr = "";
    proc.stderr?.on("data", (c: Buffer) => (stderr = (stderr + c.toString("utf8")).slice(-4000)));
    child = proc;
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (proc.exitCode !== null) throw new Error(`postgres exited with code ${proc.exitCode}: ${stderr}`);
      const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
      const ok = await client.connect().then(
        () => true,
        () => false,
      );
      await client.end().catch(() => {});
      if (ok) return;
      if (Date.now() > deadline) throw new Error(`postgres did not accept connections within 30 s: ${stderr}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  const halt = async () => {
    const proc = child;
    child = null;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    // SIGINT is PostgreSQL's fast shutdown: open connections are closed, the data stays consistent.
    await new Promise<void>((resolve) => {
      proc.once("exit", () => resolve());
      proc.kill("SIGINT");
    });
  };

  try {
    await start();
  } catch (err) {
    await halt();
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return {
    url,
    password,
    port,
    halt,
    start,
    stop: async () => {
      await halt();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
