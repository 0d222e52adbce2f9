import { readFile } from 'node:fs/promises';

/** Resource use of one process over a series, from /proc (Linux). */
export interface ProcessUsage {
  /** Resident set size at the start and end of the window, and the largest sample in it (MiB). */
  rssStartMiB: number;
  rssEndMiB: number;
  rssMaxMiB: number;
  /** User + system CPU time over the window divided by its length: 1.0 is one core fully busy. */
  cpuCores: number;
}

export interface ProcessUsageSampler {
  stop(): Promise<ProcessUsage>;
}

const clockTicksPerSecond = 100;

/**
 * Samples VmRSS from /proc/<pid>/status every `intervalMs` and the process's
 * CPU time from /proc/<pid>/stat at both ends. Linux's USER_HZ is 100 on every
 * mainstream kernel, which `getconf CLK_TCK` confirms on this machine.
 */
export async function sampleProcessUsage(pid: number, intervalMs = 250): Promise<ProcessUsageSampler> {
  const startedAt = performance.now();
  const cpuStart = await cpuSeconds(pid);
  const rssStart = await rssMiB(pid);
  let rssMax = rssStart;
  let sampling = Promise.resolve();
  const timer = setInterval(() => {
    sampling = sampling.then(async () => {
      rssMax = Math.max(rssMax, await rssMiB(pid));
    });
  }, intervalMs);
  return {
    async stop() {
      clearInterval(timer);
      await sampling;
      const rssEnd = await rssMiB(pid);
      const cpuEnd = await cpuSeconds(pid);
      const elapsedSeconds = (performance.now() - startedAt) / 1000;
      return {
        rssStartMiB: Math.round(rssStart),
        rssEndMiB: Math.round(rssEnd),
        rssMaxMiB: Math.round(Math.max(rssMax, rssEnd)),
        cpuCores: Math.round(((cpuEnd - cpuStart) / elapsedSeconds) * 100) / 100,
      };
    },
  };
}

async function rssMiB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(status);
  return match?.[1] ? Number(match[1]) / 1024 : 0;
}

async function cpuSeconds(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  // The command name (field 2) may contain spaces; the fields after its closing parenthesis are fixed.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const userTicks = Number(fields[11] ?? 0);
  const systemTicks = Number(fields[12] ?? 0);
  return (userTicks + systemTicks) / clockTicksPerSecond;
}
