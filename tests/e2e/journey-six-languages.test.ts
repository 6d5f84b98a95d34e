/**
 * End-to-end: the whole journey in Arabic (right to left), Chinese, Russian and Spanish, in Debian's Chromium, from the
 * start page's language switcher to a final instrument downloaded and read back. Every page visited is
 * screenshotted and checked by axe-core (WCAG 2.2 AA), as in journey.test.ts; the steps find links,
 * buttons and labels by their text in the page's language, so a missing or English string fails here.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { TREATIES } from '../../server/catalogue/treaties';
import { unFormalName } from '../../server/catalogue/un-names';
import { SUPPORTED_LANGUAGES } from '../../server/i18n';
import { languageName } from '../../server/i18n/format';
import { profileOf } from '../../server/i18n/languages';
import { docxText, launchBrowser, startServer, texts, type RunningServer } from './browser';
import { Journey } from './steps';

jest.setTimeout(180_000);

let browser: Browser;
let server: RunningServer;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [browser, server] = await Promise.all([launchBrowser(), startServer()]);
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await server?.close();
});

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1024, height: 768 } });
  contexts.push(context);
  return context.newPage();
}

const SECTIONS = [
  'party',
  'treaties',
  'signatory',
  'signing',
  'extradition',
  'central-authorities',
  'prevention',
  'article5',
  'law-copies',
  'reservations',
  'declarations',
  'deposit',
] as const;

/** What a user of each language types: names and titles in the language, contacts in Latin letters. */
const TYPED: Record<
  'ar' | 'zh' | 'ru' | 'es',
  { signer: string; title: string; place: string; declaration: string; central: string; prevention: string }
> = {
  ar: {
    signer: 'بيما مثال',
    title: 'وزير الخارجية والتجارة الخارجية لمملكة بوتان',
    place: 'تيمفو',
    declaration: 'تعلن حكومة مملكة بوتان أن الاتفاقية والبروتوكول ينطبقان على كامل إقليم المملكة.',
    central: 'مكتب النائب العام',
    prevention: 'شرطة بوتان الملكية',
  },
  zh: {
    signer: '白玛·示例',
    title: '不丹王国外交和外贸大臣',
    place: '廷布',
    declaration: '不丹王国政府声明，公约和议定书适用于王国全部领土。',
    central: '总检察长办公室',
    prevention: '不丹皇家警察',
  },
  ru: {
    signer: 'Пема Пример',
    title: 'Министр иностранных дел и внешней торговли Королевства Бутан',
    place: 'Тхимпху',
    declaration:
      'Правительство Королевства Бутан заявляет, что Конвенция и Протокол применяются ко всей территории Королевства.',
    central: 'Канцелярия Генерального прокурора',
    prevention: 'Королевская полиция Бутана',
  },
  es: {
    signer: 'Pema Ejemplo',
    title: 'Ministro de Relaciones Exteriores y Comercio Exterior del Reino de Bhután',
    place: 'Timbu',
    declaration:
      'El Gobierno del Reino de Bhután declara que la Convención y el Protocolo se aplican a todo el territorio del Reino.',
    central: 'Oficina del Fiscal General',
    prevention: 'Policía Real de Bhután',
  },
};

const GOVERNMENT_OF_BHUTAN = {
  ar: 'حكومة مملكة بوتان',
  zh: '不丹王国政府',
  ru: 'Правительство Королевства Бутан',
  es: 'el Gobierno del Reino de Bhután',
} as const;

/**
 * Where the heading's text sits in its line: "start" when it hugs the inline start of the page's
 * direction (the right in Arabic, the left in Chinese), measured on the text itself, not its box.
 */
async function headingSide(page: Page): Promise<{ direction: string; hugs: 'left' | 'right' | 'neither' }> {
  // Evaluated as a string: the tests' TypeScript has no DOM types.
  return page.evaluate(`(() => {
    const h = document.querySelector('h1');
    const range = document.createRange();
    range.selectNodeContents(h);
    const text = range.getBoundingClientRect();
    const box = h.getBoundingClientRect();
    const hugs = Math.abs(text.left - box.left) < 2 ? 'left' : Math.abs(text.right - box.right) < 2 ? 'right' : 'neither';
    return { direction: getComputedStyle(h).direction, hugs };
  })()`);
}

describe.each(['ar', 'zh', 'ru', 'es'] as const)('the whole journey in %s', (lng) => {
  test('from the language switcher to the final instrument, every page checked by axe-core', async () => {
    const page = await newPage();
    const j = new Journey(page, 'en', `journey-${lng}`);
    const typed = TYPED[lng];
    const formalName = unFormalName('BT', lng) ?? '';
    expect(formalName).not.toBe('');

    await j.startPage(server.baseUrl);
    await j.switchLanguage(lng);
    j.useLanguage(lng);
    const t = j.t;
    const direction = lng === 'ar' ? 'rtl' : 'ltr';
    expect(await page.locator('html').getAttribute('dir')).toBe(direction);
    expect(await headingSide(page)).toEqual({ direction, hugs: lng === 'ar' ? 'right' : 'left' });
    await j.expectHeading(t('pages.home.heading'));
    expect(t('pages.home.heading')).not.toBe(texts('en')('pages.home.heading'));
    await j.record(`start-${lng}`);
    // Where the translations stand, linked from the start page (checked by axe-core like every page).
    await j.navigate(j.link(t('pages.home.translationsLink')));
    await j.expectHeading(t('pages.translations.title'));
    expect(await page.getByRole('table').count()).toBe(SUPPORTED_LANGUAGES.length - 1);
    await j.record(`translations-${lng}`);
    await j.startPage(server.baseUrl);

    await j.start();
    await j.chooseParty('BT');
    await j.chooseTreaties(['untoc', 'tip']);
    for (const id of SECTIONS) await j.expectStatus(id, id === 'treaties' ? 'completed' : 'not-started');

    // The State's formal name starts as the UN's, in the page's language.
    await j.openSection('party');
    expect(await page.getByLabel(t('pages.q.party.formalName.label'), { exact: true }).inputValue()).toBe(
      formalName,
    );
    await j.navigate(j.link(t('pages.common.back')));
    await j.party(formalName, lng);

    await j.treaties(['untoc', 'tip'], 'accession');
    await j.signatory(typed.signer, typed.title, 'minister-for-foreign-affairs');
    await j.signing(typed.place, { day: '10', month: '1', year: '2027' });
    await j.extradition(true, true);
    await j.centralAuthority(
      {
        name: typed.central,
        addressLines: 'Post Box 1045',
        city: 'Thimphu',
        country: 'BT',
        phone: '+975 2 000 000',
        email: 'mla@example.bt',
      },
      [languageName('en', lng), languageName(lng, lng)],
    );
    await j.prevention({
      name: typed.prevention,
      addressLines: 'Chang Lam',
      city: 'Thimphu',
      country: 'BT',
    });
    await j.article5(false, true);
    await j.lawCopies('to-follow');
    await j.noReservations();
    await j.openSection('declarations');
    await j.addDeclaration('territorial', typed.declaration);
    await j.finishDeclarations();
    await j.deposit({ day: '15', month: '1', year: '2027' });
    for (const id of SECTIONS) await j.expectStatus(id, 'completed');
    await j.record(`task-list-completed-${lng}`);

    // Check answers shows the typed telephone number as typed, left to right inside the page.
    await j.navigate(j.link(t('pages.tasks.check')));
    await j.expectHeading(t('pages.check.title'));
    await j.record(`check-answers-${lng}`);

    await j.navigate(j.link(t('pages.check.toDocuments')));
    await j.showDocuments('final', lng);
    expect(await page.getByRole('alert').count()).toBe(0);
    await j.record(`documents-final-${lng}`);
    const { file } = await j.visits.download(j.instrumentLink('untoc', 'accession'));
    const instrument = await docxText(file);
    const d = texts(lng);
    expect(instrument).toContain(TREATIES.untoc.titles[lng].text);
    // The UN formal name after "the Government of", as each language forms it (the Russian genitive).
    expect(instrument).toContain(GOVERNMENT_OF_BHUTAN[lng]);
    expect(instrument).toContain(typed.signer);
    expect(instrument).toContain(typed.place);
    // The date of signature as UN documents write it in the language ("10 كانون الثاني/يناير 2027").
    expect(instrument).toContain(profileOf(lng).formatDate('2027-01-10'));
    expect(instrument).toContain(d('documents:instrument.heading.accession'));
    // Nothing of the English documents around the answers.
    expect(instrument).not.toMatch(/\bWHEREAS\b|\bIN WITNESS WHEREOF\b|\bto be completed\b|\bGovernment\b/);

    // The checklist on screen, in the language and its direction.
    await j.navigate(j.link(t('pages.documents.checklistPage')));
    expect(await page.locator('html').getAttribute('dir')).toBe(direction);
    expect(await page.getByRole('main').getByText(typed.central).count()).toBeGreaterThan(0);
    await j.record(`checklist-${lng}`);

    j.visits.assertNoViolations();
  });
});
