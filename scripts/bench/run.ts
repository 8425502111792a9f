/**
 * Runs a command as a child process and measures it: wall time, and the peak of the summed
 * resident memory (VmRSS) of the child and all its descendants, polled from /proc every 100 ms.
 */
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

/** A measured run. */
export interface MeasuredRun {
  /** Exit code (null when killed). */
  code: number | null;
  /** Wall time in seconds. */
  seconds: number;
  /** Peak summed RSS of the process tree, MB (MiB). */
  peakRssMB: number;
  /** stdout and stderr, interleaved as they arrived. */
  output: string;
  /** True when the run hit its time limit and was killed. */
  timedOut: boolean;
  /** True when the run passed its memory limit and was killed. */
  overMemory: boolean;
  /** CPU seconds (user + system) of the child and its reaped descendants, as last seen. */
  cpuSeconds: number;
}

/** Options of `measure`. */
export interface MeasureOptions {
  /** Working directory. */
  cwd: string;
  /** Environment. */
  env: NodeJS.ProcessEnv;
  /** Kill the tree after this many milliseconds. */
  timeoutMs?: number;
  /** Kill the tree when its summed RSS passes this many MB (protects a shared machine). */
  rssLimitMB?: number;
  /** Called with every chunk of output (e.g. to stream a log). */
  onOutput?: (text: string) => void;
}

/** Child pids of a process, from /proc/<pid>/task/<tid>/children (falls back to a /proc scan). */
function childrenOf(pid: number): number[] {
  try {
    const tasks = readdirSync(`/proc/${pid}/task`);
    return tasks.flatMap((tid) =>
      readFileSync(`/proc/${pid}/task/${tid}/children`, "utf8")
        .split(" ")
        .filter((part) => part.trim().length > 0)
        .map(Number),
    );
  } catch {
    return scanChildren(pid);
  }
}

function scanChildren(pid: number): number[] {
  const out: number[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === pid) out.push(Number(name));
    } catch {
      // The process ended while we looked.
    }
  }
  return out;
}

function rssKB(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** CPU seconds of a process plus its reaped children (utime, stime, cutime, cstime at 100 Hz). */
function cpuSecondsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // Fields after the command: state is [0], so utime..cstime are [11]..[14].
    return [11, 12, 13, 14].reduce((sum, index) => sum + Number(fields[index] ?? 0), 0) / 100;
  } catch {
    return 0;
  }
}

/** Summed VmRSS (kB) and CPU seconds (own + reaped children) of a process and its live descendants. */
export function treeUsage(root: number): { rssKB: number; cpuSeconds: number } {
  let total = 0;
  let cpu = 0;
  const stack = [root];
  const seen = new Set<number>();
  while (stack.length > 0) {
    const pid = stack.pop()!;
    if (seen.has(pid)) continue;
    seen.add(pid);
    total += rssKB(pid);
    cpu += cpuSecondsOf(pid);
    stack.push(...childrenOf(pid));
  }
  return { rssKB: total, cpuSeconds: cpu };
}

/** Runs `command args` and measures wall time and the process tree's peak RSS. */
export function measure(
  command: string,
  args: string[],
  options: MeasureOptions,
): Promise<MeasuredRun> {
  return new Promise((resolvePromise) => {
    const started = performance.now();
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    let output = "";
    let peak = 0;
    let timedOut = false;
    let overMemory = false;
    let cpu = 0;
    const take = (chunk: Buffer) => {
      const text = chunk.toString();
      output += text;
      options.onOutput?.(text);
    };
    child.stdout.on("data", take);
    child.stderr.on("data", take);
    const poll = setInterval(() => {
      if (child.pid === undefined) return;
      const usage = treeUsage(child.pid);
      peak = Math.max(peak, usage.rssKB);
      cpu = Math.max(cpu, usage.cpuSeconds);
      if (
        options.rssLimitMB !== undefined &&
        usage.rssKB / 1024 > options.rssLimitMB &&
        !overMemory
      ) {
        overMemory = true;
        process.kill(-child.pid, "SIGKILL");
      }
    }, 100);
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            // The child leads its own process group (detached), so this ends the whole build tree.
            if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
          }, options.timeoutMs);
    child.on("close", (code) => {
      clearInterval(poll);
      if (timer) clearTimeout(timer);
      resolvePromise({
        code,
        seconds: (performance.now() - started) / 1000,
        peakRssMB: peak / 1024,
        output,
        timedOut,
        overMemory,
        cpuSeconds: cpu,
      });
    });
  });
}
