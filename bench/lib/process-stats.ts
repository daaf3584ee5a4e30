import { readFileSync } from "node:fs";

/** Memory and CPU of another process, from /proc (Linux). null where /proc is not available. */

function status(pid: number): string | null {
  try {
    return readFileSync(`/proc/${pid}/status`, "utf8");
  } catch {
    return null;
  }
}

function kib(text: string, field: string): number | null {
  const m = new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, "m").exec(text);
  return m ? Number(m[1]) : null;
}

/** Peak resident set size so far (VmHWM), in MB. */
export function peakRssMb(pid: number): number | null {
  const s = status(pid);
  const v = s ? kib(s, "VmHWM") : null;
  return v === null ? null : v / 1024;
}

export function rssMb(pid: number): number | null {
  const s = status(pid);
  const v = s ? kib(s, "VmRSS") : null;
  return v === null ? null : v / 1024;
}

/** User + system CPU time the process has used, in ms (clock ticks of /proc/<pid>/stat, 100 per second on Linux). */
export function cpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // After the command: state is field 3, utime 14 and stime 15 (1-based), i.e. indexes 11 and 12 here.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}
