/**
 * Progress over many packages, on stderr: a bar redrawn in place when stderr is a terminal, a plain line
 * per package otherwise (a log, a CI job). Lines written to stdout while the bar shows go above it.
 */
import type { Translator } from '../i18n/messages';
import type { CliIo } from './main';

export interface Progress {
  /** One package done. */
  tick(): void;
  /** A line for stdout (results) or stderr (files that could not be read or written), above the bar. */
  print(line: string, stream?: 'stdout' | 'stderr'): void;
  /** Remove the bar (before the summary). */
  done(): void;
}

const WIDTH = 24;

export function createProgress(io: CliIo, total: number, tr: Translator): Progress {
  let done = 0;
  const tty = io.stderr.isTTY === true;
  const label = () => tr.t('cli.progress', { done, count: total });
  const bar = () => {
    const filled = Math.round((done / Math.max(1, total)) * WIDTH);
    return `[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${label()}`;
  };
  const clear = () => io.stderr.write('\r\x1b[K');
  // A single package needs no progress.
  const shown = total > 1;
  if (shown && tty) io.stderr.write(bar());
  return {
    tick() {
      done++;
      if (!shown) return;
      if (tty) {
        clear();
        io.stderr.write(bar());
      } else io.stderr.write(`${label()}\n`);
    },
    print(line, stream = 'stdout') {
      if (shown && tty) clear();
      io[stream].write(`${line}\n`);
      if (shown && tty) io.stderr.write(bar());
    },
    done() {
      if (shown && tty) clear();
    },
  };
}
