/**
 * `accession-assistant validate FILE.json ...`: each package's issues, as POST /api/v1/validate reports
 * them (the same codes and messages, in --lang or English), and with --json the API's answer itself
 * per file. Exit 0 when every package is valid (no error; warnings are printed), 1 when one is not,
 * 3 when a file could not be read.
 */
import { loadParticipation } from '../catalogue';
import { isoToday } from '../domain/dates';
import { assessPackage } from '../domain/validate';
import { assessmentView, missingAsIssue } from '../http/present';
import { DEFAULT_LANGUAGE } from '../i18n/languages';
import type { Translator } from '../i18n/messages';
import { PATHS } from '../paths';
import { EXIT, loadI18n, type CliIo, type ExitCode, type ValidateCommand } from './main';
import { issueLine, loadPackage } from './packages';

export async function runValidate(command: ValidateCommand, io: CliIo, cwd: string): Promise<ExitCode> {
  const lng = command.languages?.[0] ?? DEFAULT_LANGUAGE;
  const i18n = await loadI18n();
  const tr: Translator = { lng, t: i18n.t(lng) };
  const participation = loadParticipation(PATHS.participationData);
  const today = isoToday((io.now ?? (() => new Date()))());
  let invalid = 0;
  let unreadable = 0;
  const results: unknown[] = [];
  for (const file of command.files) {
    const loaded = loadPackage(file, cwd, tr);
    if (loaded.kind === 'unreadable') {
      unreadable++;
      io.stderr.write(`${loaded.message}\n`);
      results.push({
        file,
        valid: false,
        error: { code: 'unreadable', message: loaded.message, issues: [] },
      });
      continue;
    }
    if (loaded.kind === 'refused') {
      invalid++;
      results.push({ file, valid: false, error: loaded.problem });
      if (!command.json) {
        io.stdout.write(`${tr.t('cli.fileMessage', { file, message: loaded.problem.message })}\n`);
        for (const issue of loaded.problem.issues as Parameters<typeof issueLine>[1][])
          io.stdout.write(`${issueLine(tr, issue)}\n`);
      }
      continue;
    }
    const assessment = assessPackage(loaded.pkg, { participation, today });
    const view = assessmentView(assessment, tr);
    if (!view.valid) invalid++;
    results.push({ file, ...view });
    if (command.json) continue;
    const errors = assessment.issues.filter((i) => i.severity === 'error').length;
    const missing = assessment.checklist.missing.length;
    const status = !view.valid
      ? tr.t('cli.validate.invalid', { errors: tr.t('api.counts.errors', { count: errors }) })
      : view.finalAllowed
        ? tr.t('cli.validate.valid')
        : tr.t('cli.validate.validNotFinal', { missing: tr.t('api.counts.missing', { count: missing }) });
    io.stdout.write(`${tr.t('cli.fileMessage', { file, message: status })}\n`);
    for (const issue of view.issues) io.stdout.write(`${issueLine(tr, issue)}\n`);
    // What final documents still need (the API's final_refused issues), said as missing, not as errors.
    for (const item of assessment.checklist.missing) {
      const issue = missingAsIssue(item, tr);
      io.stdout.write(
        `  ${tr.t('cli.missing', { requirement: issue.requirement, message: issue.message })}\n`,
      );
    }
  }
  if (command.json) io.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  else if (command.files.length > 1)
    io.stdout.write(
      `${tr.t('cli.validate.summary', {
        count: command.files.length,
        valid: command.files.length - invalid - unreadable,
      })}\n`,
    );
  return unreadable > 0 ? EXIT.io : invalid > 0 ? EXIT.refused : EXIT.ok;
}
