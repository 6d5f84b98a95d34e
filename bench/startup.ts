/**
 * Start-up of the built server (issue 12: "keep it under a second on these machines"): the time from
 * spawning dist/server/main.js to its first answer on /api/v1/health, and the CPU time the process had
 * used by then (user + system, all its threads, from /proc), over several starts with a new empty
 * DATA_DIR each. The CPU time is the steadier figure on a shared machine: wall time includes waiting for
 * cores others hold.
 *
 * Figures only, no thresholds.
 */
import fs from 'node:fs';
import { freePort, removeFolder, startServer, tempFolder } from './child-server';

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** The CPU time a process has used, in milliseconds (Linux /proc; NaN elsewhere). */
function cpuMs(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // utime and stime are fields 14 and 15 of stat, 12 and 13 after the command name.
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return Number.NaN;
  }
}

export async function benchStartup(starts = 7): Promise<void> {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < starts; i++) {
    const dataDir = tempFolder('bench-startup-');
    const begin = process.hrtime.bigint();
    const server = await startServer({ dataDir, port: await freePort() });
    wall.push(Number(process.hrtime.bigint() - begin) / 1e6);
    cpu.push(cpuMs(server.pid));
    await server.stop();
    removeFolder(dataDir);
  }
  console.log(
    `\nStart-up of the built server to its first /api/v1/health answer (${starts} starts, new DATA_DIR each): ` +
      `median ${median(wall).toFixed(0)} ms wall (min ${Math.min(...wall).toFixed(0)}, max ${Math.max(...wall).toFixed(0)}), ` +
      `median ${median(cpu).toFixed(0)} ms CPU by then (the health probe polls every 20 ms)`,
  );
}
