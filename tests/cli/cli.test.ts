/**
 * The command line (server/cli/): its main function run in process with the real package fixtures into
 * a temporary folder, the files read back (.docx through mammoth, the bundle through jszip), exit codes
 * and messages checked; and the command as a real process (tests/support/cli-bin.js, the TypeScript
 * sources compiled by swc as they load, as dist/server/cli/bin.js is after `npm run build`).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { EXIT, main, parseCommand, RENDERABLE, type CliIo } from '../../server/cli/main';
import { folderNames } from '../../server/cli/render';
import { DOCUMENT_NAMES } from '../../server/documents';
import { createInProcessRenderer, produceDocument } from '../../server/documents/produce';
import { parsePackage } from '../../server/domain/validate';
import { assessmentView } from '../../server/http/present';
import { PATHS } from '../../server/paths';
import { assess, docxText, fixture, i18n, participation, TODAY } from '../documents/helpers';

const FIXTURES = path.join(PATHS.root, 'tests', 'fixtures', 'packages');
const good = (name: string) => path.join(FIXTURES, 'good', name, 'package.json');
const bad = (name: string) => path.join(FIXTURES, 'bad', name, 'package.json');
const WORKER = path.join(PATHS.root, 'tests', 'support', 'document-worker.js');
const en = i18n.t('en');
const fr = i18n.t('fr');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-'));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function run(
  argv: string[],
  options: { tty?: boolean; env?: Record<string, string | undefined> } = {},
): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text), isTTY: options.tty === true },
    now: () => new Date(`${TODAY}T12:00:00Z`),
    workerFile: WORKER,
    cwd: tmp,
    ...(options.env ? { env: options.env } : {}),
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

const out = () => path.join(tmp, 'out');
const listing = (dir: string) => fs.readdirSync(dir).sort();

describe('accession-assistant: options', () => {
  it('--version prints the package version', async () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(PATHS.root, 'package.json'), 'utf8')) as {
      version: string;
    };
    expect(await run(['--version'])).toEqual({ code: EXIT.ok, stdout: `${version}\n`, stderr: '' });
  });

  it('--help lists the commands, options and exit codes, in the --lang language', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(EXIT.ok);
    for (const key of ['exitOk', 'exitRefused', 'exitUsage', 'exitIo', 'force'])
      expect(help.stdout).toContain(en(`cli.help.${key}`));
    expect(help.stdout).toMatch(/^ {2}3 {2}/m);
    const french = await run(['--help', '--lang', 'fr']);
    expect(french.stdout).toContain(fr('cli.help.exitUsage'));
    // No command at all is a request for help.
    expect((await run([])).stdout).toBe(help.stdout);
  });

  it('--document accepts exactly the documents the API produces', () => {
    expect([...RENDERABLE]).toEqual([...DOCUMENT_NAMES]);
  });

  it.each([
    [
      ['render', 'a.json', '--out', 'o', '--mode', 'finale'],
      'cli.errors.invalidOption',
      { option: '--mode', value: 'finale', allowed: 'draft, final' },
    ],
    [
      ['render', 'a.json', '--out', 'o', '--lang', 'de'],
      'cli.errors.invalidLanguages',
      { option: '--lang', value: 'de', allowed: 'ar, zh, en, fr, ru, es' },
    ],
    [
      ['render', 'a.json', '--out', 'o', '--document', 'treaty'],
      'cli.errors.invalidOption',
      { option: '--document', value: 'treaty', allowed: DOCUMENT_NAMES.join(', ') },
    ],
    [
      ['render', 'a.json', '--out', 'o', '--jobs', '0'],
      'cli.errors.invalidNumber',
      { option: '--jobs', value: '0', max: 64 },
    ],
    [['render', 'a.json'], 'cli.errors.outRequired', {}],
    [['render', '--out', 'o'], 'cli.errors.noFiles', { command: 'render' }],
    [
      ['validate', 'a.json', '--out', 'o'],
      'cli.errors.optionNotForCommand',
      { option: '--out', command: 'validate' },
    ],
    [['render', 'a.json', '--output', 'o'], 'cli.errors.unknownOption', { option: '--output' }],
    [['render', 'a.json', '--out'], 'cli.errors.optionValue', { option: '--out' }],
    [
      ['publish', 'a.json'],
      'cli.errors.invalidOption',
      { option: 'command', value: 'publish', allowed: 'render, validate' },
    ],
  ])('%j is a usage error (exit 2): nothing read or written', async (argv, key, params) => {
    const result = await run(argv);
    expect(result.code).toBe(EXIT.usage);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`${en(key, params)}\n${en('cli.errors.seeHelp')}\n`);
    expect(fs.existsSync(path.join(tmp, 'o'))).toBe(false);
  });

  it('says a usage error in the --lang language', async () => {
    const result = await run(['render', 'a.json', '--out', 'o', '--output', 'p', '--lang', 'fr']);
    expect(result.stderr).toContain(fr('cli.errors.unknownOption', { option: '--output' }));
    // validate takes one language (its messages'); a pair is refused, in the first of the two.
    const pair = await run(['validate', 'a.json', '--lang', 'ar,en']);
    expect(pair.code).toBe(EXIT.usage);
    expect(pair.stderr).toContain(
      i18n.t('ar')('cli.errors.invalidOption', {
        option: '--lang',
        value: 'ar,en',
        allowed: 'ar, zh, en, fr, ru, es',
      }),
    );
  });

  it('reads a pair of languages for bilingual documents, and refuses the same language twice', () => {
    expect(parseCommand(['render', 'a.json', '-o', 'o', '-l', 'AR,en'])).toMatchObject({
      languages: ['ar', 'en'],
    });
    expect(() => parseCommand(['render', 'a.json', '-o', 'o', '-l', 'fr,fr'])).toThrow(
      'cli.errors.invalidLanguages',
    );
  });
});

describe('accession-assistant render', () => {
  it('writes what the API bundle holds, as files, byte for byte', async () => {
    const result = await run(['render', good('thailand-ratifies-som'), '--out', 'out']);
    expect(result.code).toBe(EXIT.ok);
    expect(result.stdout).toBe(
      `${en('cli.fileMessage', {
        file: good('thailand-ratifies-som'),
        message: en('cli.render.written', { count: 7, dir: 'out' }),
      })}\n`,
    );
    expect(result.stderr).toBe('');
    const parsed = parsePackage(fixture('good', 'thailand-ratifies-som'));
    if (!parsed.ok) throw new Error('fixture does not parse');
    const bundle = await produceDocument(
      { i18n, participation, documents: createInProcessRenderer({ i18n, participation }) },
      { name: 'bundle', pkg: parsed.pkg, languages: ['en'], mode: 'draft', today: TODAY },
    );
    if (bundle.kind !== 'file') throw new Error('bundle refused');
    const zip = await JSZip.loadAsync(bundle.bytes);
    const names = Object.keys(zip.files).sort();
    expect(listing(out())).toEqual(names);
    // The .docx files are compared by their text (each is dated when written), the others byte for byte.
    for (const name of names) {
      const written = fs.readFileSync(path.join(out(), name));
      const inBundle = await zip.files[name]!.async('nodebuffer');
      if (name.endsWith('.docx')) expect(await docxText(written)).toBe(await docxText(inBundle));
      else expect(written).toEqual(inBundle);
    }
    const notifications = await docxText(fs.readFileSync(path.join(out(), 'notifications-th-en-draft.docx')));
    expect(notifications).toContain('Kingdom of Thailand');
  });

  it('writes the documents in the --lang languages, bilingual with two', async () => {
    expect((await run(['render', good('thailand-ratifies-som'), '-o', 'out', '-l', 'fr,en'])).code).toBe(
      EXIT.ok,
    );
    expect(listing(out())).toContain('notifications-th-fr-en-draft.docx');
    expect(listing(out())).toContain('checklist-th-fr-draft.docx');
  });

  it('never overwrites a file without --force (exit 3, nothing written), and overwrites with it', async () => {
    const file = good('thailand-ratifies-som');
    expect((await run(['render', file, '--out', 'out'])).code).toBe(EXIT.ok);
    const target = path.join(out(), 'note-verbale-th-en-draft.docx');
    fs.writeFileSync(target, 'mine');
    fs.rmSync(path.join(out(), 'package.json'));
    const again = await run(['render', file, '--out', 'out']);
    expect(again.code).toBe(EXIT.io);
    expect(again.stderr).toContain(
      en('cli.errors.exists', { file: path.join(out(), 'instrument-som-ratification-th-en-draft.docx') }),
    );
    expect(fs.readFileSync(target, 'utf8')).toBe('mine');
    expect(fs.existsSync(path.join(out(), 'package.json'))).toBe(false);
    expect((await run(['render', file, '--out', 'out', '--force'])).code).toBe(EXIT.ok);
    expect(fs.readFileSync(target).subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses final documents for a package that lacks something, as the API does (exit 1)', async () => {
    const file = bad('full-powers-missing');
    const result = await run(['render', file, '--out', 'out', '--mode', 'final']);
    expect(result.code).toBe(EXIT.refused);
    const message = en('api.errors.finalRefused', {
      missing: en('api.counts.missing', { count: 1 }),
      errors: en('api.counts.errors', { count: 0 }),
    });
    expect(result.stdout).toContain(en('cli.fileMessage', { file, message }));
    expect(result.stdout).toContain('[checklist.missing]');
    expect(fs.existsSync(out())).toBe(false);
  });

  it('--document: an instrument per treaty; a document the package does not need is refused', async () => {
    const result = await run([
      'render',
      good('bhutan-accedes-untoc-tip-som'),
      '-o',
      'out',
      '-d',
      'instrument,note-verbale',
    ]);
    expect(result.code).toBe(EXIT.ok);
    expect(listing(out())).toEqual([
      'instrument-som-accession-bt-en-draft.docx',
      'instrument-tip-accession-bt-en-draft.docx',
      'instrument-untoc-accession-bt-en-draft.docx',
      'note-verbale-bt-en-draft.docx',
    ]);
    const refused = await run(['render', good('full-powers-not-needed'), '-o', 'none', '-d', 'full-powers']);
    expect(refused.code).toBe(EXIT.refused);
    expect(refused.stdout).toContain(
      en('api.errors.fullPowersNotNeeded', { office: en('legal:offices.head-of-state') }),
    );
    const zip = await run(['render', good('full-powers-not-needed'), '-o', 'zip', '-d', 'bundle']);
    expect(zip.code).toBe(EXIT.ok);
    expect(listing(path.join(tmp, 'zip'))).toHaveLength(1);
    expect(listing(path.join(tmp, 'zip'))[0]).toMatch(/^bundle-.*\.zip$/);
  });

  it('renders many packages on the worker pool, one sub-folder each, with progress and a summary', async () => {
    const files = [
      good('thailand-ratifies-som'),
      good('korea-ratifies-untoc-tip-fp'),
      good('eu-approves-som-with-full-powers'),
      bad('schema-telephone'),
      path.join(tmp, 'missing.json'),
    ];
    const result = await run(['render', ...files, '--out', 'out', '--jobs', '2']);
    expect(result.code).toBe(EXIT.io);
    expect(listing(out())).toEqual([
      'eu-approves-som-with-full-powers',
      'korea-ratifies-untoc-tip-fp',
      'thailand-ratifies-som',
    ]);
    const korea = await docxText(
      fs.readFileSync(path.join(out(), 'korea-ratifies-untoc-tip-fp', 'note-verbale-kr-en-draft.docx')),
    );
    expect(korea).toContain('Republic of Korea');
    expect(result.stdout).toContain(en('api.errors.invalidPackage', { count: 6 }));
    expect(result.stdout).toContain('[schema.phone] authorities[0].phone[0]');
    expect(result.stderr).toContain(en('cli.errors.cannotRead', { file: files[4], reason: 'ENOENT' }));
    expect(result.stdout).toContain(
      en('cli.render.summary', { count: 5, rendered: 3, refused: 1, failed: 1 }),
    );
    // Not a terminal: a plain line per package.
    for (let done = 1; done <= 5; done++)
      expect(result.stderr).toContain(`${en('cli.progress', { done, count: 5 })}\n`);
    expect(result.stderr).not.toContain('\r');
  });

  it('draws a progress bar on a terminal', async () => {
    const files = [good('thailand-ratifies-som'), good('deposit-today')];
    const result = await run(['render', ...files, '--out', 'out', '--jobs', '1'], { tty: true });
    expect(result.code).toBe(EXIT.ok);
    expect(result.stderr).toContain(`[${'#'.repeat(24)}] ${en('cli.progress', { done: 2, count: 2 })}`);
    expect(result.stderr.endsWith('\r\x1b[K')).toBe(true);
  });

  it('names sub-folders after the file, or its folder for package.json, without collisions', () => {
    expect(folderNames(['a/th.json', 'b/th.json', 'c/korea/package.json'])).toEqual(['th', 'th-2', 'korea']);
  });

  it('reads a package saved with a byte-order mark; a file that is not JSON is refused (exit 1)', async () => {
    const withBom = path.join(tmp, 'bom.json');
    fs.writeFileSync(withBom, `\uFEFF${JSON.stringify(fixture('good', 'thailand-ratifies-som'))}`);
    expect((await run(['render', withBom, '-o', 'out'])).code).toBe(EXIT.ok);
    const broken = path.join(tmp, 'broken.json');
    fs.writeFileSync(broken, '{"party": ');
    const result = await run(['validate', broken, '--json']);
    expect(result.code).toBe(EXIT.refused);
    const [answer] = JSON.parse(result.stdout) as { error: { code: string } }[];
    expect(answer!.error.code).toBe('malformed_json');
  });
});

describe('accession-assistant validate', () => {
  it('prints the API answer as JSON with --json: the same codes and messages as /api/v1/validate', async () => {
    const result = await run(['validate', good('thailand-ratifies-som'), '--json', '--lang', 'ru']);
    expect(result.code).toBe(EXIT.ok);
    const [answer] = JSON.parse(result.stdout) as Record<string, unknown>[];
    const view = assessmentView(assess(fixture('good', 'thailand-ratifies-som')), {
      lng: 'ru',
      t: i18n.t('ru'),
    });
    expect(answer).toEqual({ file: good('thailand-ratifies-som'), ...JSON.parse(JSON.stringify(view)) });
  });

  it('lists each issue with its code and message; exit 1 when a package is not valid', async () => {
    const result = await run([
      'validate',
      good('thailand-ratifies-som'),
      bad('schema-telephone'),
      bad('no-central-authority'),
    ]);
    expect(result.code).toBe(EXIT.refused);
    expect(result.stdout).toContain(`${good('thailand-ratifies-som')}: ${en('cli.validate.valid')}`);
    expect(result.stdout).toContain('[schema.phone] authorities[0].fax[0]');
    expect(result.stdout).toContain(en('cli.validate.summary', { count: 3, valid: 2 }));
    const json = await run(['validate', bad('schema-telephone'), '--json']);
    const [answer] = JSON.parse(json.stdout) as {
      valid: boolean;
      error: { code: string; issues: { code: string; path: string }[] };
    }[];
    expect(answer!.valid).toBe(false);
    expect(answer!.error.code).toBe('invalid_package');
    expect(answer!.error.issues.map((i) => i.path)).toEqual(
      [0, 1, 2, 3, 4].map((n) => `authorities[0].phone[${n}]`).concat('authorities[0].fax[0]'),
    );
  });

  it('exit 3 when a file cannot be read', async () => {
    const result = await run(['validate', 'nowhere.json']);
    expect(result.code).toBe(EXIT.io);
    expect(result.stderr).toBe(
      `${en('cli.errors.cannotRead', { file: 'nowhere.json', reason: 'ENOENT' })}\n`,
    );
  });
});

describe('accession-assistant as a process', () => {
  it('is the package bin, compiled from server/cli/bin.ts with its #! line', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(PATHS.root, 'package.json'), 'utf8')) as {
      bin: Record<string, string>;
      scripts: Record<string, string>;
    };
    expect(pkg.bin).toEqual({ 'accession-assistant': 'dist/server/cli/bin.js' });
    // npm runs a bin only when it is executable: the build makes it so.
    expect(pkg.scripts.build).toContain("chmodSync('dist/server/cli/bin.js', 0o755)");
    expect(fs.readFileSync(path.join(PATHS.root, 'server', 'cli', 'bin.ts'), 'utf8')).toMatch(
      /^#!\/usr\/bin\/env node\n/,
    );
  });

  it('runs, writes and exits with the documented codes', () => {
    const bin = path.join(PATHS.root, 'tests', 'support', 'cli-bin.js');
    const spawn = (args: string[]) =>
      spawnSync(process.execPath, [bin, ...args], { cwd: tmp, encoding: 'utf8', timeout: 30000 });
    const valid = spawn(['validate', good('thailand-ratifies-som')]);
    expect(valid.status).toBe(EXIT.ok);
    expect(valid.stdout).toContain(en('cli.validate.valid'));
    const rendered = spawn(['render', good('deposit-today'), '--out', 'out', '--lang', 'zh']);
    expect(rendered.status).toBe(EXIT.ok);
    expect(listing(out()).some((f) => f.endsWith('-zh-draft.docx'))).toBe(true);
    expect(spawn(['render', good('deposit-today'), '--out', 'out']).status).toBe(EXIT.io);
    expect(spawn(['render', '--pdf']).status).toBe(EXIT.usage);
    expect(spawn(['validate', bad('schema-telephone')]).status).toBe(EXIT.refused);
  });
});

describe('--pdf: a PDF beside each Word file, through LibreOffice (documents/pdf.ts)', () => {
  it('says when LibreOffice cannot be found, and writes nothing (exit 2)', async () => {
    const missing = path.join(tmp, 'no-such-soffice');
    const result = await run(
      ['render', good('thailand-ratifies-som'), '--out', 'out', '--pdf', '--lang', 'fr'],
      { env: { SOFFICE_PATH: missing, PATH: '' } },
    );
    expect(result.code).toBe(EXIT.usage);
    expect(result.stderr).toBe(`${fr('cli.errors.pdfUnavailable.path-missing')}\n`);
    expect(fs.existsSync(out())).toBe(false);
    const none = await run(['render', good('thailand-ratifies-som'), '--out', 'out', '--pdf'], {
      env: { PATH: tmp },
    });
    expect(none.code).toBe(EXIT.usage);
    expect(none.stderr).toBe(`${en('cli.errors.pdfUnavailable.not-installed')}\n`);
    expect(fs.existsSync(out())).toBe(false);
  });

  (fs.existsSync('/usr/bin/soffice') ? it : it.skip)(
    'writes each document named as Word and PDF, the PDF holding the same text',
    async () => {
      const result = await run(
        ['render', good('thailand-ratifies-som'), '--out', 'out', '--pdf', '--document', 'note-verbale'],
        { env: { PATH: '/usr/bin:/bin' } },
      );
      expect([result.code, result.stderr]).toEqual([EXIT.ok, '']);
      expect(listing(out())).toEqual(['note-verbale-th-en-draft.docx', 'note-verbale-th-en-draft.pdf']);
      const pdf = path.join(out(), 'note-verbale-th-en-draft.pdf');
      expect(fs.readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const text = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
      expect(text).toContain('Thailand');
      expect(text).toContain('Secretary-General');
    },
    60_000,
  );
});
