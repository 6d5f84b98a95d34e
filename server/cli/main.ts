/**
 * The command line, for batch work without a server:
 *
 *   accession-assistant render FILE.json [FILE.json ...] --out DIR [--lang fr|ar,en] [--mode draft|final]
 *                      [--document NAME ...] [--force] [--jobs N] [--pdf]
 *   accession-assistant validate FILE.json [FILE.json ...] [--lang LANG] [--json]
 *   accession-assistant --help | --version
 *
 * It produces what the API produces, through the same entry point (documents/produce.ts) and with the
 * same messages and codes (the API's strings, common:api.*, and the command line's own, common:cli.*), in
 * the --lang language or else English. Exit codes (EXIT): 0 everything rendered or valid, 1 some package
 * refused or invalid, 2 a usage error (nothing done), 3 a file that could not be read or written.
 *
 * Start-up: this file imports only Node's own modules; the words (i18next), the data, the schema and the
 * documents are loaded when a command needs them, so that --version answers at once.
 */
import { DOCUMENT_NAMES } from '../documents/names';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { I18n, Language } from '../i18n';
import { DEFAULT_LANGUAGE, isLanguage, SUPPORTED_LANGUAGES } from '../i18n/languages';
import type { Translator } from '../i18n/messages';
import { PATHS } from '../paths';

export const EXIT = { ok: 0, refused: 1, usage: 2, io: 3 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export const COMMANDS = ['render', 'validate'] as const;
export type Command = (typeof COMMANDS)[number];
export const MODES = ['draft', 'final'] as const;

/** Where the command line writes, and what it knows of its terminal: process.* in bin.ts, buffers in tests. */
export interface CliIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown; readonly isTTY?: boolean; readonly columns?: number };
  /** The day documents are dated and assessed on (tests pin it). */
  readonly now?: () => Date;
  /** The document worker's file when the sources run as TypeScript (jest); dist/'s worker.js otherwise. */
  readonly workerFile?: string;
  /** The working folder relative paths are resolved from. */
  readonly cwd?: string;
  /** The environment (SOFFICE_PATH, PATH: where --pdf finds LibreOffice); process.env when absent. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

const OPTIONS = {
  out: { type: 'string', short: 'o' },
  lang: { type: 'string', short: 'l' },
  mode: { type: 'string', short: 'm' },
  document: { type: 'string', short: 'd', multiple: true },
  force: { type: 'boolean', short: 'f' },
  jobs: { type: 'string', short: 'j' },
  pdf: { type: 'boolean' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

/** The options each command accepts (besides --help and --version). */
const ACCEPTED: Readonly<Record<Command, readonly (keyof typeof OPTIONS)[]>> = {
  render: ['out', 'lang', 'mode', 'document', 'force', 'jobs', 'pdf'],
  validate: ['lang', 'json'],
};

/** A mistake in the command itself: its message key and parameters (common:cli.errors.*). */
export class UsageError extends Error {
  constructor(
    readonly key: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(key);
  }
}

export interface RenderCommand {
  readonly command: 'render';
  readonly files: readonly string[];
  readonly out: string;
  /** The documents' languages; undefined: each package's document language. */
  readonly languages: readonly [Language] | readonly [Language, Language] | undefined;
  readonly mode: (typeof MODES)[number];
  /** The documents asked for; undefined: what the bundle holds. */
  readonly documents: readonly string[] | undefined;
  readonly force: boolean;
  readonly jobs: number | undefined;
  /** A PDF beside each Word file (LibreOffice, documents/pdf.ts). */
  readonly pdf: boolean;
}

export interface ValidateCommand {
  readonly command: 'validate';
  readonly files: readonly string[];
  readonly languages: readonly [Language] | undefined;
  readonly json: boolean;
}

export type Parsed =
  | RenderCommand
  | ValidateCommand
  | { readonly command: 'help'; readonly language: Language | undefined }
  | { readonly command: 'version'; readonly language: Language | undefined };

/** The language(s) of --lang: one, or two different ones with a comma (a bilingual document). */
function parseLanguages(raw: string, pairAllowed: boolean): [Language] | [Language, Language] {
  const parts = raw.split(',').map((part) => part.trim().toLowerCase());
  const [first, second] = parts;
  if (parts.length === 1 && isLanguage(first)) return [first];
  if (pairAllowed && parts.length === 2 && isLanguage(first) && isLanguage(second) && first !== second)
    return [first, second];
  throw new UsageError(pairAllowed ? 'cli.errors.invalidLanguages' : 'cli.errors.invalidOption', {
    option: '--lang',
    value: raw,
    allowed: SUPPORTED_LANGUAGES.join(', '),
  });
}

function oneOf<T extends string>(option: string, raw: string, allowed: readonly T[]): T {
  const value = raw.trim().toLowerCase();
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError('cli.errors.invalidOption', { option, value: raw, allowed: allowed.join(', ') });
}

/** The language the messages are in, read from --lang before anything else (the first of a pair). */
function messageLanguage(argv: readonly string[]): Language {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = arg === '--lang' || arg === '-l' ? argv[i + 1] : /^--lang=(.*)$/.exec(arg)?.[1];
    const first = value?.split(',')[0]?.trim().toLowerCase();
    if (isLanguage(first)) return first;
  }
  return DEFAULT_LANGUAGE;
}

/** Node's own parse errors, as the command line's words. */
function usageFromParseError(err: unknown): UsageError {
  const code = (err as { code?: string }).code;
  // Not `instanceof Error`: Node's own errors come from another realm under jest.
  const message = String((err as { message?: unknown }).message ?? '');
  const option = /'(?:-\w, )?(--?[\w-]+)/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return new UsageError('cli.errors.unknownOption', { option });
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
    return new UsageError('cli.errors.optionValue', { option });
  throw err;
}

/** The command and its options, each checked against its list; a UsageError otherwise. */
export function parseCommand(argv: readonly string[]): Parsed {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    throw usageFromParseError(err);
  }
  const { values, positionals } = parsed;
  const language = values.lang === undefined ? undefined : parseLanguages(values.lang, true)[0];
  if (values.version) return { command: 'version', language };
  const [command, ...files] = positionals;
  if (values.help || command === undefined || command === 'help') return { command: 'help', language };
  const name = oneOf('command', command, COMMANDS);
  for (const option of Object.keys(values) as (keyof typeof OPTIONS)[]) {
    if (!ACCEPTED[name].includes(option))
      throw new UsageError('cli.errors.optionNotForCommand', { option: `--${option}`, command: name });
  }
  if (files.length === 0) throw new UsageError('cli.errors.noFiles', { command: name });
  if (name === 'validate') {
    const languages =
      values.lang === undefined ? undefined : (parseLanguages(values.lang, false) as [Language]);
    return { command: 'validate', files, languages, json: values.json === true };
  }
  if (values.out === undefined || values.out.trim() === '') throw new UsageError('cli.errors.outRequired');
  const languages = values.lang === undefined ? undefined : parseLanguages(values.lang, true);
  const mode = values.mode === undefined ? 'draft' : oneOf('--mode', values.mode, MODES);
  const documents = values.document
    ?.flatMap((d) => d.split(','))
    .map((d) => oneOf('--document', d, RENDERABLE));
  let jobs: number | undefined;
  if (values.jobs !== undefined) {
    jobs = Number(values.jobs);
    if (!Number.isInteger(jobs) || jobs < 1 || jobs > MAX_JOBS)
      throw new UsageError('cli.errors.invalidNumber', {
        option: '--jobs',
        value: values.jobs,
        max: MAX_JOBS,
      });
  }
  return {
    command: 'render',
    files,
    out: values.out,
    languages,
    mode,
    documents: documents === undefined ? undefined : [...new Set(documents)],
    force: values.force === true,
    jobs,
    pdf: values.pdf === true,
  };
}

/** The documents --document accepts: every document the service produces. */
export const RENDERABLE = DOCUMENT_NAMES;
const MAX_JOBS = 64;

export function version(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(PATHS.root, 'package.json'), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

let i18nInstance: I18n | undefined;
/** The words, loaded once (the worker threads load their own). */
export async function loadI18n(): Promise<I18n> {
  if (!i18nInstance) {
    const { createI18n } = await import('../i18n');
    i18nInstance = createI18n(PATHS.locales);
  }
  return i18nInstance;
}

export function helpText(tr: Translator): string {
  const t = (key: string, params?: Record<string, unknown>) => tr.t(`cli.help.${key}`, params);
  const rows = (items: readonly (readonly [string, string])[]) => {
    const width = Math.max(...items.map(([left]) => left.length)) + 2;
    return items.map(([left, right]) => `  ${left.padEnd(width)}${right}`).join('\n');
  };
  return [
    `accession-assistant ${version()}: ${t('summary')}`,
    '',
    `${t('usageTitle')}`,
    '  accession-assistant render FILE.json [FILE.json ...] --out DIR [--lang LANG] [--mode MODE]',
    '                      [--document NAME ...] [--force] [--jobs N] [--pdf]',
    '  accession-assistant validate FILE.json [FILE.json ...] [--lang LANG] [--json]',
    '  accession-assistant --help | --version',
    '',
    t('commandsTitle'),
    rows([
      ['render', t('render')],
      ['validate', t('validate')],
    ]),
    '',
    t('optionsTitle'),
    rows([
      ['-o, --out DIR', t('out')],
      ['-l, --lang LANG', t('lang', { languages: SUPPORTED_LANGUAGES.join(', ') })],
      ['-m, --mode MODE', t('mode', { modes: MODES.join(', ') })],
      ['-d, --document NAME', t('document', { documents: RENDERABLE.join(', ') })],
      ['-f, --force', t('force')],
      ['-j, --jobs N', t('jobs')],
      ['--pdf', t('pdf')],
      ['--json', t('json')],
      ['-h, --help', t('help')],
      ['-v, --version', t('version')],
    ]),
    '',
    t('exitTitle'),
    rows([
      [String(EXIT.ok), t('exitOk')],
      [String(EXIT.refused), t('exitRefused')],
      [String(EXIT.usage), t('exitUsage')],
      [String(EXIT.io), t('exitIo')],
    ]),
    '',
  ].join('\n');
}

/** Run the command line; resolves to the exit code. Nothing here calls process.exit. */
export async function main(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  let parsed: Parsed;
  try {
    parsed = parseCommand(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    const lng = messageLanguage(argv);
    const i18n = await loadI18n();
    const t = i18n.t(lng);
    io.stderr.write(`${t(err.key, err.params)}\n${t('cli.errors.seeHelp')}\n`);
    return EXIT.usage;
  }
  if (parsed.command === 'version') {
    io.stdout.write(`${version()}\n`);
    return EXIT.ok;
  }
  if (parsed.command === 'help') {
    const lng = parsed.language ?? DEFAULT_LANGUAGE;
    const i18n = await loadI18n();
    io.stdout.write(helpText({ lng, t: i18n.t(lng) }));
    return EXIT.ok;
  }
  const cwd = io.cwd ?? process.cwd();
  if (parsed.command === 'validate') return (await import('./validate')).runValidate(parsed, io, cwd);
  return (await import('./render')).runRender(parsed, io, cwd);
}
