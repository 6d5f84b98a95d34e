/**
 * `accession-assistant render FILE.json ... --out DIR`: each package's documents, produced by
 * produceDocument (documents/produce.ts), the one entry point the API and the pages use, so the same
 * refusals with the same codes and messages. By default a package gives what the API's bundle holds
 * (an instrument per treaty, the notifications, full powers when needed, the note verbale, the checklist
 * as .docx and HTML with its stylesheet, the package as JSON), written as separate files; --document
 * names the documents instead (`bundle`: the .zip itself; `instrument`: one per treaty).
 *
 * One package is written into DIR, several each into a sub-folder named after its file. A package is
 * written whole or not at all: refused (exit 1) when a document is refused, and never over an existing
 * file unless --force (exit 3, nothing written for that package). Several packages render in parallel on
 * the documents worker pool (documents/pool.ts); one renders in process, which starts faster.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadParticipation } from '../catalogue';
import { isoToday } from '../domain/dates';
import type { Package } from '../domain/package';
import { refusalProblem as problemOfRefusal } from '../http/refusals';
import type { Language } from '../i18n';
import { DEFAULT_LANGUAGE } from '../i18n/languages';
import type { Translator } from '../i18n/messages';
import { PATHS } from '../paths';
import { createDocumentPool } from '../documents/pool';
import { createPdfConverter, locateSoffice } from '../documents/pdf';
import {
  createInProcessRenderer,
  produceDocument,
  type DocumentRenderer,
  type ProducedFile,
  type ProduceDeps,
  type Refusal,
} from '../documents/produce';
import { EXIT, loadI18n, type CliIo, type ExitCode, type RenderCommand } from './main';
import { ioMessage, issueLine, loadPackage, type Problem } from './packages';
import { createProgress } from './progress';
import { unzip } from './unzip';

interface OutputFile {
  readonly name: string;
  readonly bytes: Buffer;
}

/** A refusal as the API's error says it (http/refusals.ts): the same codes and messages. */
export function refusalProblem(refusal: Refusal, tr: Translator): Problem {
  const p = problemOfRefusal(refusal, tr);
  return { code: p.code, message: tr.t(p.messageKey, p.params), issues: p.issues };
}

/** Every file a package gives, or the first refusal. */
async function produceFiles(
  deps: ProduceDeps,
  pkg: Package,
  command: RenderCommand,
  today: ReturnType<typeof isoToday>,
): Promise<{ files: OutputFile[] } | { refusal: Refusal }> {
  const languages = command.languages ?? ([pkg.documentLanguage] as const);
  const produceOne = (name: string, treaty: string | undefined, format: 'docx' | 'pdf') =>
    produceDocument(deps, { name, pkg, languages, mode: command.mode, treaty, today, format });
  const asFile = (produced: ProducedFile): OutputFile => ({ name: produced.name, bytes: produced.bytes });
  // With --pdf, each document's PDF beside its Word file (the bundle: the .zip with a PDF beside each .docx).
  const produce = async (name: string, treaty?: string): Promise<Refusal | ProducedFile[]> => {
    const word = await produceOne(name, treaty, command.pdf && name === 'bundle' ? 'pdf' : 'docx');
    if (word.kind === 'refused') return word;
    if (!command.pdf || name === 'bundle') return [word];
    const pdf = await produceOne(name, treaty, 'pdf');
    return pdf.kind === 'refused' ? pdf : [word, pdf];
  };
  if (command.documents === undefined) {
    const bundle = await produceOne('bundle', undefined, command.pdf ? 'pdf' : 'docx');
    if (bundle.kind === 'refused') return { refusal: bundle };
    return { files: unzip(bundle.bytes) };
  }
  const files: OutputFile[] = [];
  for (const name of command.documents) {
    const produced = await produce(name);
    if (Array.isArray(produced)) {
      files.push(...produced.map(asFile));
      continue;
    }
    // An instrument per treaty, as the bundle holds them.
    if (produced.reason !== 'treaty-missing' || produced.allowed.length === 0) return { refusal: produced };
    for (const treaty of produced.allowed) {
      const instrument = await produce(name, treaty);
      if (!Array.isArray(instrument)) return { refusal: instrument };
      files.push(...instrument.map(asFile));
    }
  }
  return { files };
}

/** One sub-folder name per package: its file's name, or its folder's for a file named package.json. */
export function folderNames(files: readonly string[]): string[] {
  const used = new Map<string, number>();
  return files.map((file) => {
    const stem = path.basename(file, path.extname(file));
    const base = stem === 'package' ? path.basename(path.dirname(path.resolve(file))) || stem : stem;
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  });
}

/** A folder as the user would write it: relative to the working folder when inside it, else absolute. */
function shownFrom(cwd: string, dir: string): string {
  const relative = path.relative(cwd, dir);
  if (relative === '') return '.';
  return relative.startsWith('..') || path.isAbsolute(relative) ? dir : relative;
}

/** Run `tasks` with at most `limit` at once, in order of the list. */
async function inParallel(limit: number, tasks: readonly (() => Promise<void>)[]): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < tasks.length) await tasks[next++]!();
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, lane));
}

export async function runRender(command: RenderCommand, io: CliIo, cwd: string): Promise<ExitCode> {
  const lng: Language = command.languages?.[0] ?? DEFAULT_LANGUAGE;
  const i18n = await loadI18n();
  const tr: Translator = { lng, t: i18n.t(lng) };
  const participation = loadParticipation(PATHS.participationData);
  const today = isoToday((io.now ?? (() => new Date()))());
  const total = command.files.length;
  // One package renders in process (no threads to start); several on the pool, a worker per core.
  const workers = Math.min(command.jobs ?? os.availableParallelism(), total);
  const renderer: DocumentRenderer =
    total > 1 && workers > 1
      ? createDocumentPool({
          workers,
          queue: workers * 16,
          ...(io.workerFile ? { filename: io.workerFile } : {}),
        })
      : createInProcessRenderer({ i18n, participation });
  // --pdf: one resident LibreOffice for the whole run (documents/pdf.ts), found as the server finds it.
  const pdf = command.pdf
    ? createPdfConverter({
        availability: locateSoffice({
          enabled: true,
          configuredPath: io.env?.SOFFICE_PATH ?? process.env.SOFFICE_PATH,
          searchPath: io.env?.PATH ?? process.env.PATH,
        }),
        parentDir: os.tmpdir(),
      })
    : undefined;
  if (pdf && !pdf.availability.available) {
    await renderer.close();
    io.stderr.write(`${tr.t(`cli.errors.pdfUnavailable.${pdf.availability.reason}`)}\n`);
    return EXIT.usage;
  }
  const deps: ProduceDeps = { i18n, participation, documents: renderer, ...(pdf ? { pdf } : {}) };
  const out = path.resolve(cwd, command.out);
  const shown = (dir: string) => shownFrom(cwd, dir);
  const folders = total > 1 ? folderNames(command.files) : [''];
  const progress = createProgress(io, total, tr);
  const counts = { rendered: 0, refused: 0, failed: 0 };

  const renderOne = async (index: number) => {
    const file = command.files[index]!;
    const loaded = loadPackage(file, cwd, tr);
    if (loaded.kind === 'unreadable') {
      counts.failed++;
      progress.print(loaded.message, 'stderr');
      return;
    }
    const refuse = (problem: Problem) => {
      counts.refused++;
      const lines = [tr.t('cli.fileMessage', { file, message: problem.message })];
      for (const issue of problem.issues as Parameters<typeof issueLine>[1][])
        lines.push(issueLine(tr, issue));
      progress.print(lines.join('\n'));
    };
    if (loaded.kind === 'refused') return refuse(loaded.problem);
    const result = await produceFiles(deps, loaded.pkg, command, today);
    if ('refusal' in result) return refuse(refusalProblem(result.refusal, tr));
    const dir = path.join(out, folders[index]!);
    const targets = result.files.map((f) => ({ ...f, target: path.join(dir, f.name) }));
    // Written whole or not at all: nothing over an existing file without --force.
    const existing = command.force ? undefined : targets.find((f) => fs.existsSync(f.target));
    if (existing) {
      counts.failed++;
      progress.print(tr.t('cli.errors.exists', { file: existing.target }), 'stderr');
      return;
    }
    let writing = dir;
    try {
      fs.mkdirSync(dir, { recursive: true });
      for (const f of targets) {
        writing = f.target;
        fs.writeFileSync(f.target, f.bytes);
      }
    } catch (err) {
      counts.failed++;
      progress.print(ioMessage(tr, 'cli.errors.cannotWrite', writing, err), 'stderr');
      return;
    }
    counts.rendered++;
    progress.print(
      tr.t('cli.fileMessage', {
        file,
        message: tr.t('cli.render.written', { count: targets.length, dir: shown(dir) }),
      }),
    );
  };

  try {
    await inParallel(
      Math.max(1, workers) * 2,
      command.files.map((_, index) => async () => {
        await renderOne(index);
        progress.tick();
      }),
    );
  } finally {
    progress.done();
    await renderer.close();
    await pdf?.close();
  }
  if (total > 1) io.stdout.write(`${tr.t('cli.render.summary', { count: total, ...counts })}\n`);
  return counts.failed > 0 ? EXIT.io : counts.refused > 0 ? EXIT.refused : EXIT.ok;
}
