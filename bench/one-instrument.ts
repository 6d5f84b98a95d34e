/**
 * One instrument in one process, for the whole-process comparison of bench/peers.ts: load the words and
 * the data, read the package, assess it, build the instrument of its first treaty and write the .docx.
 *
 * Usage: node dist/bench/one-instrument.js PACKAGE.json OUT.docx
 */
import fs from 'node:fs';
import { loadParticipation } from '../server/catalogue';
import { buildModel, renderDocxFast } from '../server/documents';
import { assessPackage, parsePackage } from '../server/domain/validate';
import { createI18n } from '../server/i18n';
import { PATHS } from '../server/paths';

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error('Usage: node dist/bench/one-instrument.js PACKAGE.json OUT.docx');
  process.exit(2);
}
const parsed = parsePackage(JSON.parse(fs.readFileSync(input, 'utf8')));
if (!parsed.ok) {
  console.error(`${input} is not a valid package`);
  process.exit(1);
}
const today = '2026-12-01';
const assessment = assessPackage(parsed.pkg, {
  participation: loadParticipation(PATHS.participationData),
  today,
});
const treaty = assessment.facts.treaties[0]?.treaty;
if (!treaty) {
  console.error(`${input} joins no treaty`);
  process.exit(1);
}
const i18n = createI18n(PATHS.locales);
const model = buildModel(assessment, 'instrument', {
  tr: { lng: 'en', t: i18n.t('en') },
  mode: 'draft',
  today,
  treaty,
});
fs.writeFileSync(output, renderDocxFast(model));
