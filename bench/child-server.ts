/**
 * The built server (dist/server/main.js) as a child process, for the soak and crash scripts
 * (bench/soak.ts, bench/crash.ts): a free port, a temporary DATA_DIR, waiting for /api/v1/health, its
 * output read line by line, a graceful stop (SIGTERM) or a kill (SIGKILL), and the clean-up of every child
 * process and temporary folder when the script ends, fails or is interrupted (Ctrl-C).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';

/** The compiled server, beside the compiled scripts (dist/bench/ and dist/server/). */
export const SERVER_MAIN = path.join(__dirname, '..', 'server', 'main.js');

const children = new Set<ChildProcess>();
const folders = new Set<string>();
let installed = false;

function cleanUpNow(): void {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  children.clear();
  for (const dir of folders) fs.rmSync(dir, { recursive: true, force: true });
  folders.clear();
}

/**
 * Kill every child server and remove every temporary folder when the process exits, and on Ctrl-C
 * (SIGINT), SIGTERM or SIGHUP, which then end the script with status 130.
 */
export function installCleanup(): void {
  if (installed) return;
  installed = true;
  process.on('exit', cleanUpNow);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      console.error(`\n${signal}: stopping the server and removing the temporary folders`);
      cleanUpNow();
      process.exit(130);
    });
  }
}

/** A new temporary folder, removed at exit (or earlier with removeFolder). */
export function tempFolder(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  folders.add(dir);
  return dir;
}

export function removeFolder(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
  folders.delete(dir);
}

/** A port nobody listens on now (the operating system's choice). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => (port > 0 ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

export interface ServerProcess {
  readonly origin: string;
  readonly port: number;
  readonly pid: number;
  /** Resolves once the process has exited, with its code or the signal that ended it. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM (the server closes its store and exits), SIGKILL if it has not exited within 10 s. */
  stop(): Promise<void>;
  /** SIGKILL: no chance to close anything, as a power cut or an OOM killer would do it. */
  kill(): Promise<void>;
  /** The last lines it printed, for a message when something goes wrong. */
  tail(): string;
}

export interface StartOptions {
  readonly dataDir: string;
  readonly port: number;
  /** More environment variables (BODY_LIMIT_BYTES, DRAFT_CREATE_LIMIT...), over the defaults below. */
  readonly env?: Readonly<Record<string, string>>;
  /** Every line the server prints, on stdout or stderr. */
  readonly onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
  readonly timeoutMs?: number;
}

/** GET a path once; the status, or 0 when nothing answered. */
function probe(origin: string, pathname: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get(`${origin}${pathname}`, { agent: false, timeout: 2000 }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
  });
}

/** Start the built server and wait until /api/v1/health answers 200. */
export async function startServer(options: StartOptions): Promise<ServerProcess> {
  if (!fs.existsSync(SERVER_MAIN))
    throw new Error(`${SERVER_MAIN} is missing: run the script through npm (it builds first)`);
  const lines: string[] = [];
  const child = spawn(process.execPath, [SERVER_MAIN], {
    env: {
      ...process.env,
      PORT: String(options.port),
      HOST: '127.0.0.1',
      DATA_DIR: options.dataDir,
      REQUEST_LOG: 'off',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      children.delete(child);
      resolve({ code, signal });
    }),
  );
  for (const stream of ['stdout', 'stderr'] as const) {
    const input = child[stream];
    if (!input) continue;
    readline.createInterface({ input }).on('line', (line) => {
      lines.push(line);
      if (lines.length > 40) lines.shift();
      options.onLine?.(line, stream);
    });
  }
  const origin = `http://127.0.0.1:${options.port}`;
  const tail = () => lines.join('\n');
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  for (;;) {
    if (gone) throw new Error(`the server exited while starting:\n${tail()}`);
    if ((await probe(origin, '/api/v1/health')) === 200) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server did not answer /api/v1/health in time:\n${tail()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill(signal);
    if (signal === 'SIGKILL') {
      await exited;
      return;
    }
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  return {
    origin,
    port: options.port,
    pid: child.pid ?? 0,
    exited,
    stop: () => end('SIGTERM'),
    kill: () => end('SIGKILL'),
    tail,
  };
}

/**
 * `count` processes that spin without pause at nice 19, the lowest priority DOCUMENT_WORKER_NICE allows,
 * in this script's session (Linux schedules sessions as groups first: a detached one would compete as a
 * group of its own). They do no server work (bench/pool.ts). Resolves, once stopped, when they have exited.
 */
export function startBusyLoops(count: number): { stop(): Promise<void> } {
  const loops = Array.from({ length: count }, () =>
    spawn(process.execPath, ['-e', 'for (;;);'], { stdio: 'ignore' }),
  );
  for (const loop of loops) {
    children.add(loop);
    if (loop.pid !== undefined) os.setPriority(loop.pid, 19);
  }
  const stop = () =>
    Promise.all(
      loops.map(
        (loop) =>
          new Promise<void>((resolve) => {
            children.delete(loop);
            if (loop.exitCode !== null || loop.signalCode !== null) return resolve();
            loop.once('exit', () => resolve());
            loop.kill('SIGKILL');
          }),
      ),
    ).then(() => undefined);
  return { stop };
}
