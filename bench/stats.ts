/**
 * The benchmarks' figures: quantiles and medians of samples, and CPU times read from /proc (Linux).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

/** The `q` quantile (0 to 1) of samples sorted in ascending order: the sample at that rank; NaN for none. */
export function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

/** The median of samples in any order: the middle one, or the mean of the two middle ones; NaN for none. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return sorted[mid]!;
  return ((sorted[mid - 1] ?? Number.NaN) + (sorted[mid] ?? Number.NaN)) / 2;
}

let ticks: number | undefined;
/** Clock ticks per second of /proc's CPU times (getconf CLK_TCK; 100, Linux's, when it cannot be asked). */
function clockTicks(): number {
  if (ticks === undefined) {
    try {
      ticks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticks = 100;
    }
  }
  return ticks;
}

/**
 * The CPU time (user and system) in milliseconds of a /proc stat file: a process's (/proc/<pid>/stat,
 * all its threads) or one thread's (/proc/<pid>/task/<tid>/stat); undefined when it cannot be read (not
 * Linux, or the process or thread has ended).
 */
export function cpuMsOfStat(file: string): number | undefined {
  let stat: string;
  try {
    stat = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  // utime and stime are fields 14 and 15 of the line, 12 and 13 after "pid (comm) " (the command name,
  // in parentheses, may hold spaces).
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks();
}
