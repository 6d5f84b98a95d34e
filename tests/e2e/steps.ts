/**
 * The journey's steps as a reader takes them: links, buttons, labels and texts, found by role and name in
 * the page's language (never by CSS class). Each step records the pages it passes (Visits: screenshot and
 * axe-core) and checks it landed where it should.
 */
import type { Locator, Page } from 'playwright-core';
import type { Language } from '../../server/i18n';
import { regionName } from '../../server/i18n/format';
import { texts, Visits, type Texts } from './browser';

export interface DateParts {
  readonly day: string;
  readonly month: string;
  readonly year: string;
}

export interface AuthorityAnswers {
  readonly name: string;
  readonly addressLines?: string;
  readonly city?: string;
  readonly country?: string;
  readonly phone?: string;
  readonly email?: string;
}

export class Journey {
  t: Texts;
  readonly visits: Visits;
  /** The task list's path, once the draft is created. */
  draftPath = '';

  constructor(
    readonly page: Page,
    public lng: Language,
    test: string,
    mirror: Page | null = null,
  ) {
    this.t = texts(lng);
    this.visits = new Visits(page, test, mirror);
  }

  /** The pages are now in another language (after the switcher). */
  useLanguage(lng: Language): void {
    this.lng = lng;
    this.t = texts(lng);
  }

  // -- Generic -------------------------------------------------------------------------------------

  /** Record the page (screenshot, axe-core) after checking it is in the journey's language. */
  async record(name: string): Promise<void> {
    expect(await this.page.locator('html').getAttribute('lang')).toBe(this.lng);
    await this.visits.record(name);
  }

  navigate(target: Locator): Promise<void> {
    return this.visits.navigate(target);
  }

  link(name: string, exact = true): Locator {
    return this.page.getByRole('link', { name, exact });
  }

  button(name: string, exact = true): Locator {
    return this.page.getByRole('button', { name, exact });
  }

  /** The page's main heading (h1). */
  async heading(): Promise<string> {
    return ((await this.page.getByRole('heading', { level: 1 }).first().textContent()) ?? '').trim();
  }

  async expectHeading(text: string): Promise<void> {
    expect(await this.heading()).toBe(text);
  }

  /** The page's path, without the query string. */
  path(): string {
    return new URL(this.page.url()).pathname;
  }

  /** A fieldset (or the date's role=group) by its legend. */
  group(name: string): Locator {
    return this.page.getByRole('group', { name, exact: true });
  }

  async saveAndContinue(): Promise<void> {
    await this.navigate(this.button(this.t('pages.common.saveAndContinue')));
  }

  async fillDate(legend: string, date: DateParts): Promise<void> {
    const g = this.group(legend);
    await g.getByLabel(this.t('pages.date.Day'), { exact: true }).fill(date.day);
    await g.getByLabel(this.t('pages.date.Month'), { exact: true }).fill(date.month);
    await g.getByLabel(this.t('pages.date.Year'), { exact: true }).fill(date.year);
  }

  /** Answer a yes/no question (its legend) with Yes or No. */
  async answer(legend: string, yes: boolean): Promise<void> {
    await this.group(legend)
      .getByLabel(this.t(yes ? 'pages.common.yes' : 'pages.common.no'), { exact: true })
      .check();
  }

  // -- The task list -------------------------------------------------------------------------------

  sectionTitle(id: string): string {
    return this.t(`pages.sections.${id}`);
  }

  /** The task list's row for a section. */
  task(title: string): Locator {
    return this.page.getByRole('listitem').filter({ has: this.link(title) });
  }

  async expectOnTaskList(): Promise<void> {
    expect(this.path()).toBe(this.draftPath);
    await this.expectHeading(this.t('pages.tasks.title'));
  }

  async openSection(id: string): Promise<void> {
    await this.expectOnTaskList();
    await this.navigate(this.link(this.sectionTitle(id)));
  }

  async expectStatus(id: string, status: 'not-started' | 'in-progress' | 'completed'): Promise<void> {
    const text = ((await this.task(this.sectionTitle(id)).textContent()) ?? '').replace(/\s+/g, ' ').trim();
    expect({ section: id, row: text }).toEqual({
      section: id,
      row: expect.stringContaining(this.t(`pages.tasks.status.${status}`)),
    });
  }

  // -- New draft -----------------------------------------------------------------------------------

  async startPage(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}/`);
    await this.expectHeading(this.t('pages.home.heading'));
    await this.record('start');
  }

  async switchLanguage(to: Language): Promise<void> {
    const nav = this.page.getByRole('navigation', { name: this.t('pages.languageSwitcher'), exact: true });
    await this.navigate(nav.getByRole('link', { name: texts(to)('languageName'), exact: true }));
  }

  async start(): Promise<void> {
    // The start button is a link styled and announced as a button (GOV.UK start page).
    await this.navigate(this.button(this.t('pages.home.start')));
    expect(this.path()).toBe('/drafts/new');
    await this.expectHeading(this.t('pages.newDraft.title'));
  }

  async chooseParty(code: string): Promise<void> {
    await this.page
      .getByLabel(this.t('pages.newDraft.party.label'), { exact: true })
      .selectOption({ label: regionName(code, this.lng) });
    await this.record('new-draft-party');
    await this.navigate(this.button(this.t('pages.common.continue')));
    expect(this.path()).toBe('/drafts/new/treaties');
  }

  async chooseTreaties(ids: readonly string[]): Promise<void> {
    for (const id of ids)
      await this.page.getByLabel(this.t(`legal:treaties.${id}.name`), { exact: true }).check();
    await this.record('new-draft-treaties');
    await this.navigate(this.button(this.t('pages.newDraft.create')));
    expect(this.path()).toMatch(/^\/drafts\/[^/]+$/);
    this.draftPath = this.path();
    await this.expectOnTaskList();
    await this.record('task-list-new');
  }

  // -- Sections ------------------------------------------------------------------------------------

  async party(formalName: string, documents: Language): Promise<void> {
    await this.openSection('party');
    await this.expectHeading(this.t('pages.q.party.title'));
    await this.page.getByLabel(this.t('pages.q.party.formalName.label'), { exact: true }).fill(formalName);
    await this.group(this.t('pages.q.party.documentLanguage.label'))
      .getByLabel(texts(documents)('languageName'), { exact: true })
      .check();
    await this.record('party');
    await this.saveAndContinue();
    await this.expectOnTaskList();
  }

  /** The treaties page (kept as chosen) and the instruments page (each as the data suggests). */
  async treaties(ids: readonly string[], instrument: string): Promise<void> {
    await this.openSection('treaties');
    await this.expectHeading(this.t('pages.q.treaties.treaties.label'));
    for (const id of ids)
      expect(
        await this.page.getByLabel(this.t(`legal:treaties.${id}.name`), { exact: true }).isChecked(),
      ).toBe(true);
    await this.record('treaties');
    await this.saveAndContinue();
    await this.expectHeading(this.t('pages.q.instruments.title'));
    for (const id of ids) {
      const radio = this.group(this.t(`legal:treaties.${id}.name`)).getByLabel(
        this.t(`pages.q.instruments.types.${instrument}`),
        { exact: true },
      );
      expect(await radio.isChecked()).toBe(true);
      await radio.check();
    }
    await this.record('instruments');
    await this.saveAndContinue();
    await this.expectOnTaskList();
  }

  async signatory(name: string, title: string, office: string): Promise<void> {
    await this.openSection('signatory');
    await this.expectHeading(this.t('pages.q.signatory.title'));
    await this.page.getByLabel(this.t('pages.q.signatory.name.label'), { exact: true }).fill(name);
    await this.page.getByLabel(this.t('pages.q.signatory.signerTitle.label'), { exact: true }).fill(title);
    await this.group(this.t('pages.q.signatory.office.label'))
      .getByLabel(this.t(`pages.q.signatory.offices.${office}`), { exact: true })
      .check();
    await this.record('signatory');
    await this.saveAndContinue();
    await this.expectOnTaskList();
  }

  async signing(place: string, date: DateParts): Promise<void> {
    await this.openSection('signing');
    await this.expectHeading(this.t('pages.q.signing.title'));
    await this.page.getByLabel(this.t('pages.q.signing.place.label'), { exact: true }).fill(place);
    await this.fillDate(this.t('pages.q.signing.date.label'), date);
    await this.record('signing');
    await this.saveAndContinue();
    await this.expectOnTaskList();
  }

  async extradition(conditional: boolean, legalBasis: boolean): Promise<void> {
    await this.openSection('extradition');
    const q1 = this.t('pages.q.extradition.conditionalOnTreaty.label');
    await this.expectHeading(q1);
    await this.answer(q1, conditional);
    await this.record('extradition');
    await this.saveAndContinue();
    const q2 = this.t('pages.q.extradition-legal-basis.conventionAsLegalBasis.label');
    await this.expectHeading(q2);
    await this.answer(q2, legalBasis);
    await this.record('extradition-legal-basis');
    await this.saveAndContinue();
    await this.expectOnTaskList();
  }

  /** The authority form, opened from a list page's add button; saved back to the list. */
  async addAuthority(
    list: 'central-authorities' | 'prevention',
    a: AuthorityAnswers,
    role: string,
  ): Promise<void> {
    const listTitle = this.t(`pages.lists.${list}.title`);
    await this.expectHeading(listTitle);
    await this.navigate(this.link(this.t(`pages.lists.${list}.add`)));
    await this.expectHeading(this.t('pages.q.authority.titleNew'));
    // The role the list is for is already ticked.
    const roles = this.group(this.t('pages.q.authority.roles.label'));
    expect(await roles.getByLabel(this.t(`pages.roles.${role}`), { exact: true }).isChecked()).toBe(true);
    const L = (name: string) =>
      this.page.getByLabel(this.t(`pages.q.authority.${name}.label`), { exact: true });
    await L('name').fill(a.name);
    if (a.addressLines !== undefined) await L('addressLines').fill(a.addressLines);
    if (a.city !== undefined) await L('city').fill(a.city);
    if (a.country !== undefined) await L('country').selectOption({ label: regionName(a.country, this.lng) });
    if (a.phone !== undefined) await L('phone').fill(a.phone);
    if (a.email !== undefined) await L('email').fill(a.email);
    await this.record(`authority-form-${list}`);
    await this.navigate(this.button(this.t('pages.q.authority.save')));
    expect(this.path()).toBe(`${this.draftPath}/${list}`);
    await this.expectHeading(listTitle);
    expect(await this.page.getByRole('heading', { level: 2, name: a.name, exact: true }).count()).toBe(1);
  }

  async centralAuthority(a: AuthorityAnswers, languages: readonly string[]): Promise<void> {
    await this.openSection('central-authorities');
    await this.record('central-authorities-empty');
    await this.addAuthority('central-authorities', a, 'untoc-18-13');
    await this.record('central-authorities-list');
    // The languages: the list's "Change" link for the languages accepted.
    await this.navigate(
      this.link(`${this.t('pages.common.change')} ${this.t('pages.q.languages.summaryKey')}`),
    );
    await this.expectHeading(this.t('pages.q.languages.title'));
    const un = this.group(this.t('pages.q.languages.un.label'));
    for (const name of languages) await un.getByLabel(name, { exact: true }).check();
    await this.record('languages');
    await this.saveAndContinue();
    expect(this.path()).toBe(`${this.draftPath}/central-authorities`);
    for (const name of languages)
      expect(await this.page.getByRole('definition').filter({ hasText: name }).count()).toBeGreaterThan(0);
    await this.record('central-authorities-done');
    await this.navigate(this.link(this.t('pages.common.continueToTasks')));
    await this.expectOnTaskList();
  }

  async prevention(a: AuthorityAnswers): Promise<void> {
    await this.openSection('prevention');
    await this.addAuthority('prevention', a, 'untoc-31-6');
    await this.record('prevention-list');
    await this.navigate(this.link(this.t('pages.common.continueToTasks')));
    await this.expectOnTaskList();
  }

  async article5(organizedGroup: boolean, actInFurtherance: boolean): Promise<void> {
    await this.openSection('article5');
    await this.expectHeading(this.t('pages.q.article5.title'));
    await this.answer(this.t('pages.q.article5.requiresOrganizedCriminalGroup.label'), organizedGroup);
    await this.answer(this.t('pages.q.article5.requiresActInFurtherance.label'), actInFurtherance);
    await this.record('article5');
    await this.saveAndContinue();
    await this.expectOnTaskList();
  }

  async lawCopies(plan: 'enclosed' | 'to-follow'): Promise<void> {
    await this.openSection('law-copies');
    await this.expectHeading(this.t('pages.q.law-copies.title'));
    for (const name of ['moneyLaundering', 'confiscation']) {
      await this.group(this.t(`pages.q.law-copies.${name}.label`))
        .getByLabel(this.t(`pages.q.law-copies.plans.${plan}`), { exact: true })
        .check();
    }
    await this.record('law-copies');
    await this.saveAndContinue();
    await this.expectOnTaskList();
  }

  async noReservations(): Promise<void> {
    await this.openSection('reservations');
    await this.expectHeading(this.t('pages.q.reservations.title'));
    for (const box of await this.page.getByRole('checkbox').all()) expect(await box.isChecked()).toBe(false);
    // The explanations are asked only for a reservation made: left blank.
    for (const area of await this.page.getByRole('textbox').all()) expect(await area.inputValue()).toBe('');
    await this.record('reservations');
    await this.saveAndContinue();
    await this.expectOnTaskList();
  }

  /** Add a declaration from the declarations page ("Add a declaration" or "Add another declaration"). */
  async addDeclaration(kind: string, text: string): Promise<void> {
    await this.navigate(
      this.link(this.t('pages.declarations.add')).or(this.link(this.t('pages.declarations.addAnother'))),
    );
    await this.expectHeading(this.t('pages.q.declaration.titleNew'));
    await this.group(this.t('pages.q.declaration.kind.label'))
      .getByLabel(this.t(`pages.q.declaration.kinds.${kind}`), { exact: true })
      .check();
    await this.page.getByLabel(this.t('pages.q.declaration.text.label'), { exact: true }).fill(text);
    await this.record(`declaration-form-${kind}`);
    await this.navigate(this.button(this.t('pages.q.declaration.save')));
    expect(this.path()).toBe(`${this.draftPath}/declarations`);
  }

  async finishDeclarations(): Promise<void> {
    await this.navigate(this.button(this.t('pages.declarations.done')));
    await this.expectOnTaskList();
  }

  async deposit(date: DateParts): Promise<void> {
    await this.openSection('deposit');
    await this.expectHeading(this.t('pages.q.deposit.title'));
    await this.fillDate(this.t('pages.q.deposit.plannedOn.label'), date);
    await this.record('deposit');
    await this.saveAndContinue();
    await this.expectOnTaskList();
  }

  // -- Documents -----------------------------------------------------------------------------------

  /** On the documents page: choose the mode and the documents' language, then show them. */
  async showDocuments(mode: 'draft' | 'final', doclang: Language = this.lng): Promise<void> {
    await this.expectHeading(this.t('pages.documents.title'));
    await this.group(this.t('pages.documents.modeLegend'))
      .getByLabel(this.t(`pages.documents.modes.${mode}`), { exact: true })
      .check();
    await this.group(this.t('pages.documents.languageLegend'))
      .getByLabel(texts(doclang)('languageName'), { exact: true })
      .check();
    await this.navigate(this.button(this.t('pages.documents.apply')));
    await this.expectHeading(this.t('pages.documents.title'));
    const q = new URL(this.page.url()).searchParams;
    expect({ mode: q.get('mode'), doclang: q.get('doclang') }).toEqual({ mode, doclang });
  }

  instrumentLink(treaty: string, type: string): Locator {
    return this.link(
      this.t('pages.documents.instrument', {
        treaty: this.t(`legal:treaties.${treaty}.name`),
        type: this.t(`pages.q.instruments.types.${type}`),
      }),
    );
  }
}
