/**
 * Start-up of the built server (issue 12: "keep it under a second on these machines"): the time from
 * spawning dist/server/main.js to its first answer on /api/v1/health, and the CPU time the process had
 * used by then (user + system, all its threads, from /proc), over several starts with a new empty
 * DATA_DIR each. The CPU time is the steadier figure on a shared machine: wall time includes waiting for
 * cores others hold.
 *
 * Figures only, no thresholds.
 */
import { freePort, removeFolder, startServer, tempFolder } from './child-server';
import { cpuMsOfStat, median } from './stats';

/** The CPU time a process has used, in milliseconds (Linux /proc; NaN elsewhere). */
const cpuMs = (pid: number): number => cpuMsOfStat(`/proc/${pid}/stat`) ?? Number.NaN;

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
