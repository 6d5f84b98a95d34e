/**
 * Named examples of the site's components (templates/partials/*.hbs, each documenting its params at its
 * top), as govuk-frontend keeps examples beside each component: what a component looks like with a hint,
 * an error, as the page's heading, with options in their own language, with content written in the other
 * direction. They are not used by the service; tests/unit/http/components.test.ts renders every example
 * through the view engine and reads the HTML, and tests/e2e/components.test.ts opens each in Chromium,
 * left to right and right to left, runs axe-core on it and keeps a screenshot.
 *
 * A field's params are a field view built by fieldView from a field definition, as the journey builds
 * them, so an example cannot drift from what the pages pass. Texts are fixtures: English, and Arabic
 * with Latin content (names, e-mail addresses, numbers) where an example is about mixed direction.
 *
 * Adding a component: its partial with its @param comment, then its examples here.
 */
import { fieldView, type FieldDef, type FieldOption, type RawValue } from '../../server/http/forms';

export interface ComponentExample {
  /** Unique within its component, kebab-case: it names the screenshot. */
  readonly name: string;
  /** The partial's params (its @param comment), all of them: null when unused. */
  readonly params: Readonly<Record<string, unknown>>;
}

function field(
  def: Omit<FieldDef, 'path'>,
  raw: RawValue = '',
  error: string | null = null,
  pageHeading = false,
): Readonly<Record<string, unknown>> {
  return fieldView({ path: [def.name], ...def }, raw, error, { pageHeading });
}

const YES_NO: readonly FieldOption[] = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];

/** Languages by their own names, as the languages page offers them. */
const LANGUAGES: readonly FieldOption[] = [
  { value: 'ar', label: 'العربية', lang: 'ar' },
  { value: 'zh', label: '中文', lang: 'zh' },
  { value: 'en', label: 'English', lang: 'en' },
  { value: 'fr', label: 'Français', lang: 'fr' },
  { value: 'ru', label: 'Русский', lang: 'ru' },
  { value: 'es', label: 'Español', lang: 'es' },
];

const OFFICES: readonly FieldOption[] = [
  { value: 'head-of-state', label: 'Head of State' },
  { value: 'head-of-government', label: 'Head of Government' },
  { value: 'minister', label: 'Minister for Foreign Affairs' },
  { value: 'other', label: 'Someone else', hint: 'They will need full powers' },
];

const TREATIES: readonly FieldOption[] = [
  { value: 'untoc', label: 'United Nations Convention against Transnational Organized Crime' },
  { value: 'tip', label: 'Protocol against trafficking in persons', hint: 'Signed on 12 December 2000' },
  { value: 'som', label: 'Protocol against the smuggling of migrants', hint: 'Not signed: you will accede' },
];

const FIELD_EXAMPLES = {
  'field-text': [
    { name: 'default', params: field({ name: 'place', kind: 'text', label: 'Place of signature' }) },
    {
      name: 'with-hint',
      params: field({
        name: 'officerTitle',
        kind: 'text',
        label: 'Title of the officer',
        hint: 'As it should appear on the notification',
      }),
    },
    {
      name: 'with-error',
      params: field(
        { name: 'authorityName', kind: 'text', label: 'Name of the authority' },
        '',
        'Enter the name of the authority',
      ),
    },
    {
      name: 'with-hint-and-error',
      params: field(
        {
          name: 'signatoryName',
          kind: 'text',
          label: 'Name of the person who signs',
          hint: 'Their full name, as on the instrument',
          width: 'two-thirds',
          autocomplete: 'name',
        },
        'T',
        'The name must be 2 characters or more',
      ),
    },
    {
      name: 'page-heading',
      params: field(
        { name: 'formalName', kind: 'text', label: 'What is the party’s formal name?', width: 'full' },
        'Republic of Examplestan',
        null,
        true,
      ),
    },
    {
      name: 'email',
      params: field(
        {
          name: 'email',
          kind: 'list',
          separator: 'commas',
          label: 'E-mail addresses',
          hint: 'Separate addresses with commas',
          width: 'two-thirds',
          autocomplete: 'email',
        },
        'central.authority@justice.example, mla@justice.example',
      ),
    },
    {
      name: 'telephone',
      params: field(
        {
          name: 'phone',
          kind: 'list',
          separator: 'commas',
          label: 'Telephone numbers',
          width: 'two-thirds',
          autocomplete: 'tel',
        },
        '+81 3 3580 4111',
      ),
    },
    {
      name: 'web-address',
      params: field(
        { name: 'website', kind: 'text', label: 'Website', width: 'two-thirds', autocomplete: 'url' },
        'https://www.moj.example/en/',
      ),
    },
    {
      name: 'postcode',
      params: field(
        { name: 'postcode', kind: 'text', label: 'Postcode', width: 'short', autocomplete: 'postal-code' },
        '100-8977',
      ),
    },
    {
      name: 'mixed-direction',
      params: field(
        {
          name: 'authorityNameAr',
          kind: 'text',
          label: 'اسم السلطة',
          hint: 'كما سيظهر في الإخطار',
          width: 'full',
          autocomplete: 'organization',
        },
        'Ministry of Justice (MoJ)',
        'أدخل اسم السلطة',
      ),
    },
  ],
  'field-textarea': [
    { name: 'default', params: field({ name: 'text', kind: 'textarea', label: 'Text of the declaration' }) },
    {
      name: 'with-hint',
      params: field({
        name: 'reservation',
        kind: 'textarea',
        label: 'Text of the reservation',
        hint: 'As it will appear in the instrument',
      }),
    },
    {
      name: 'with-error',
      params: field(
        { name: 'competence', kind: 'textarea', label: 'Declaration of competence' },
        '',
        'Enter the declaration of competence',
      ),
    },
    {
      name: 'page-heading',
      params: field(
        { name: 'lawCopies', kind: 'textarea', label: 'Which laws will you send copies of?' },
        'Act on Mutual Legal Assistance\nExtradition Act',
        null,
        true,
      ),
    },
    {
      name: 'address-lines',
      params: field(
        {
          name: 'addressLines',
          kind: 'list',
          separator: 'lines',
          label: 'Address',
          hint: 'One line each',
          autocomplete: 'street-address',
        },
        '1-1-1 Kasumigaseki\nChiyoda-ku',
      ),
    },
    {
      name: 'mixed-direction',
      params: field(
        { name: 'declarationAr', kind: 'textarea', label: 'نص الإعلان' },
        'The Convention applies to the whole territory (art. 35(3)).',
      ),
    },
  ],
  'field-date': [
    { name: 'default', params: field({ name: 'signedOn', kind: 'date', label: 'Date of signature' }) },
    {
      name: 'with-hint',
      params: field({
        name: 'plannedOn',
        kind: 'date',
        label: 'Planned date of deposit',
        hint: 'For example, 27 3 2027',
      }),
    },
    {
      name: 'with-error',
      params: field(
        {
          name: 'issuedOn',
          kind: 'date',
          label: 'Date the full powers were issued',
          hint: 'For example, 1 3 2027',
        },
        { day: '31', month: '2', year: '2027' },
        'Date the full powers were issued must be a real date',
      ),
    },
    {
      name: 'with-values',
      params: field(
        { name: 'depositedOn', kind: 'date', label: 'Date of deposit' },
        { day: '5', month: '1', year: '2027' },
      ),
    },
    {
      name: 'page-heading',
      params: field(
        { name: 'consentOn', kind: 'date', label: 'When was the instrument deposited?' },
        { day: '', month: '', year: '' },
        null,
        true,
      ),
    },
  ],
  'field-radios': [
    {
      name: 'default',
      params: field({ name: 'office', kind: 'radios', label: 'Who signs the instrument?', options: OFFICES }),
    },
    {
      name: 'with-hint',
      params: field(
        {
          name: 'instrument',
          kind: 'radios',
          label: 'Instrument for the Convention',
          hint: 'The Convention was signed: ratification, acceptance or approval',
          options: [
            { value: 'ratification', label: 'Ratification' },
            { value: 'acceptance', label: 'Acceptance' },
            { value: 'approval', label: 'Approval' },
          ],
        },
        'ratification',
      ),
    },
    {
      name: 'with-error',
      params: field(
        { name: 'signerOffice', kind: 'radios', label: 'Who signs the instrument?', options: OFFICES },
        '',
        'Select who signs the instrument',
      ),
    },
    {
      name: 'yes-no',
      params: field(
        {
          name: 'conditionalOnTreaty',
          kind: 'yesno',
          label: 'Is extradition conditional on the existence of a treaty?',
          options: YES_NO,
        },
        'no',
      ),
    },
    {
      name: 'page-heading',
      params: field(
        {
          name: 'conventionAsLegalBasis',
          kind: 'yesno',
          label: 'Will you take the Convention as the legal basis for extradition?',
          hint: 'Article 16(5)(a)',
          options: YES_NO,
        },
        '',
        'Select yes if you take the Convention as the legal basis',
        true,
      ),
    },
    {
      name: 'language-names',
      params: field(
        {
          name: 'documentLanguage',
          kind: 'radios',
          label: 'Language of the documents',
          options: LANGUAGES,
        },
        'ar',
      ),
    },
    {
      name: 'mixed-direction',
      params: field(
        {
          name: 'keep',
          kind: 'radios',
          label: 'أي إجابة تريد الاحتفاظ بها؟',
          options: [
            {
              value: 'mine',
              label: 'إجابتي: Ministry of Justice',
              hint: 'central.authority@justice.example',
            },
            { value: 'theirs', label: 'إجابتهم: Ministry of Foreign Affairs' },
          ],
        },
        'mine',
      ),
    },
  ],
  'field-checkboxes': [
    {
      name: 'default',
      params: field({ name: 'treaties', kind: 'checkboxes', label: 'Which treaties?', options: TREATIES }),
    },
    {
      name: 'with-hint-and-checked',
      params: field(
        {
          name: 'roles',
          kind: 'checkboxes',
          label: 'What does this authority do?',
          hint: 'Select all that apply',
          options: [
            { value: 'untoc-18-13', label: 'Central authority for mutual legal assistance (art. 18(13))' },
            { value: 'untoc-31-6', label: 'Authority for the prevention of crime (art. 31(6))' },
          ],
        },
        ['untoc-18-13', 'untoc-31-6'],
      ),
    },
    {
      name: 'with-error',
      params: field(
        { name: 'chosenTreaties', kind: 'checkboxes', label: 'Which treaties?', options: TREATIES },
        [],
        'Select at least one treaty',
      ),
    },
    {
      name: 'page-heading',
      params: field(
        {
          name: 'reservations',
          kind: 'checkboxes',
          label: 'Which dispute settlement clauses do you reserve?',
          hint: 'You are not bound by a clause you reserve',
          options: [
            { value: 'untoc-35-3', label: 'Convention, article 35(2)' },
            { value: 'tip-15-3', label: 'Trafficking in Persons Protocol, article 15(2)' },
          ],
        },
        ['tip-15-3'],
        null,
        true,
      ),
    },
    {
      name: 'language-names',
      params: field(
        {
          name: 'mlaLanguages',
          kind: 'checkboxes',
          label: 'Languages accepted for requests (art. 18(14))',
          options: LANGUAGES,
        },
        ['en', 'ar'],
      ),
    },
  ],
  'field-select': [
    {
      name: 'default',
      params: field({
        name: 'timeZone',
        kind: 'select',
        label: 'Time zone',
        options: [
          { value: 'UTC+09:00', label: 'UTC+09:00 (Tokyo)' },
          { value: 'UTC+01:00', label: 'UTC+01:00 (Paris)' },
        ],
      }),
    },
    {
      name: 'selected',
      params: field(
        {
          name: 'country',
          kind: 'select',
          label: 'Country',
          options: [
            { value: 'JP', label: 'Japan' },
            { value: 'FR', label: 'France' },
            { value: 'EG', label: 'Egypt' },
          ],
        },
        'EG',
      ),
    },
    {
      name: 'with-hint-and-error',
      params: field(
        {
          name: 'party',
          kind: 'select',
          label: 'Which State or organization is joining?',
          hint: 'The European Union joins as a regional economic integration organization',
          options: [
            { value: 'JP', label: 'Japan' },
            { value: 'EU', label: 'European Union' },
          ],
        },
        '',
        'Select the State or organization',
      ),
    },
    {
      name: 'grouped',
      params: field(
        {
          name: 'timeZone',
          kind: 'select',
          label: 'Time zone',
          options: [
            { value: 'UTC', label: 'UTC (UTC+00:00)' },
            { value: 'Asia/Thimphu', label: 'Asia/Thimphu (UTC+06:00)', group: 'Bhutan' },
            { value: 'Asia/Kolkata', label: 'Asia/Kolkata (UTC+05:30)', group: 'Other time zones' },
            { value: 'Europe/Paris', label: 'Europe/Paris (UTC+01:00)', group: 'Other time zones' },
          ],
        },
        'Asia/Kolkata',
      ),
    },
    {
      name: 'language-names',
      params: field({ name: 'pageLanguage', kind: 'select', label: 'Language', options: LANGUAGES }, 'ru'),
    },
  ],
} satisfies Record<string, readonly ComponentExample[]>;

const OTHER_EXAMPLES = {
  'error-summary': [
    {
      name: 'one-error',
      params: { errors: [{ href: '#authorityName', message: 'Enter the name of the authority' }] },
    },
    {
      name: 'several-errors',
      params: {
        errors: [
          { href: '#signedOn-day', message: 'Date of signature must be a real date' },
          { href: '#office-head-of-state', message: 'Select who signs the instrument' },
          { href: '#email', message: 'Enter an e-mail address in the right format, like name@example.org' },
        ],
      },
    },
  ],
  'summary-list': [
    {
      name: 'with-change-links',
      params: {
        rows: [
          {
            key: 'Formal name',
            lines: ['Republic of Examplestan'],
            href: '/drafts/example/party?return=check',
            action: 'Change',
            actionHidden: 'formal name',
          },
          {
            key: 'Date of signature',
            lines: ['12 December 2000'],
            href: '/drafts/example/signing?return=check',
            action: 'Change',
            actionHidden: 'date of signature',
          },
        ],
      },
    },
    {
      name: 'without-actions',
      params: {
        rows: [
          { key: 'Your answer', lines: ['Ministry of Justice'], href: null, action: '', actionHidden: '' },
          {
            key: 'Their answer',
            lines: ['Ministry of Foreign Affairs'],
            href: null,
            action: '',
            actionHidden: '',
          },
        ],
      },
    },
    {
      name: 'several-lines',
      params: {
        rows: [
          {
            key: 'Address',
            lines: ['1-1-1 Kasumigaseki', 'Chiyoda-ku', 'Tokyo 100-8977', 'Japan'],
            href: '/drafts/example/authorities/a1',
            action: 'Change',
            actionHidden: 'address',
          },
        ],
      },
    },
    {
      name: 'mixed-direction',
      params: {
        rows: [
          { key: 'الاسم', lines: ['Ministry of Justice'], href: '#', action: 'تغيير', actionHidden: 'الاسم' },
          {
            key: 'البريد الإلكتروني',
            lines: ['central.authority@justice.example'],
            href: '#',
            action: 'تغيير',
            actionHidden: 'البريد الإلكتروني',
          },
          {
            key: 'رقم الهاتف',
            lines: ['+81 3 3580 4111'],
            href: '#',
            action: 'تغيير',
            actionHidden: 'رقم الهاتف',
          },
          {
            key: 'الموقع الإلكتروني',
            lines: ['https://www.moj.example/en/'],
            href: null,
            action: '',
            actionHidden: '',
          },
        ],
      },
    },
  ],
  notice: [
    {
      name: 'answers-removed',
      params: {
        notice: {
          title: 'Some answers no longer apply',
          lines: [
            'Full powers: removed, the Minister for Foreign Affairs signs',
            'Article 16(5)(a): removed',
          ],
        },
      },
    },
    {
      name: 'mixed-direction',
      params: {
        notice: {
          title: 'تم حفظ إجاباتك مع إجاباتهم',
          lines: ['Ministry of Justice (art. 18(13))', 'central.authority@justice.example'],
        },
      },
    },
  ],
  requirements: [
    {
      name: 'one-requirement',
      params: {
        requirements: [
          {
            citation: 'UNTOC art. 18(13)',
            label: 'Central authority for mutual legal assistance',
            quoteLang: null,
            quotes: [
              {
                heading: null,
                quote:
                  'Each State Party shall designate a central authority that shall have the responsibility and power to receive requests for mutual legal assistance.',
                source: 'United Nations Treaty Series, vol. 2225, p. 209',
              },
            ],
          },
        ],
      },
    },
    {
      name: 'quoted-in-another-language',
      params: {
        requirements: [
          {
            citation: 'CTO art. 18(14)',
            label: 'Langues acceptables pour les demandes',
            quoteLang: 'en',
            quotes: [
              {
                heading: null,
                quote:
                  'Requests shall be made in writing or, where possible, by any means capable of producing a written record, in a language acceptable to the requested State Party.',
                source: 'Recueil des Traités des Nations Unies, vol. 2225, p. 209',
              },
            ],
          },
          {
            citation: 'CTO art. 16(5)(a)',
            label: 'Base légale de l’extradition',
            quoteLang: 'en',
            quotes: [
              {
                heading: null,
                quote:
                  'States Parties that make extradition conditional on the existence of a treaty shall, at the time of deposit of their instrument of ratification, acceptance or approval of or accession to this Convention, inform the Secretary-General of the United Nations whether they will take this Convention as the legal basis for cooperation on extradition.',
                source: 'Recueil des Traités des Nations Unies, vol. 2225, p. 209',
              },
            ],
          },
        ],
      },
    },
    {
      name: 'one-quote-per-model',
      params: {
        requirements: [
          {
            citation: 'UN Treaty Handbook, model instrument',
            label: 'Place and date of signature of the instrument',
            quoteLang: null,
            quotes: [
              {
                heading: 'Model instrument of ratification, acceptance or approval',
                quote:
                  'IN WITNESS WHEREOF, I have signed this instrument of [ratification, acceptance, approval] at [place] on [date].',
                source: 'Quoted from: UN Treaty Handbook, model instruments.',
              },
              {
                heading: 'Model instrument of accession',
                quote: 'IN WITNESS WHEREOF, I have signed this instrument of accession at [place] on [date].',
                source: 'Quoted from: UN Treaty Handbook, model instrument of accession.',
              },
            ],
          },
        ],
      },
    },
    { name: 'empty', params: { requirements: [] } },
  ],
  'task-list': [
    {
      name: 'statuses',
      params: {
        tasks: [
          {
            id: 'party',
            title: 'The party',
            href: '/drafts/example/party',
            status: 'completed',
            statusText: 'Completed',
            hint: null,
          },
          {
            id: 'signatory',
            title: 'Who signs',
            href: '/drafts/example/signatory',
            status: 'in-progress',
            statusText: 'In progress',
            hint: 'And full powers, when needed',
          },
          {
            id: 'central-authorities',
            title: 'Central authorities',
            href: '/drafts/example/central-authorities',
            status: 'not-started',
            statusText: 'Not started',
            hint: null,
          },
          {
            id: 'check',
            title: 'Check your answers',
            href: null,
            status: 'cannot-start',
            statusText: 'Cannot start yet',
            hint: 'Once every section due at deposit is completed',
          },
        ],
      },
    },
  ],
  'review-thread': [
    {
      name: 'open-for-the-drafter',
      params: {
        id: 'comment-Ab3dEf9h',
        target: 'Central authorities: Office of the Attorney General',
        targetHref: '/drafts/example/check',
        resolved: null,
        messages: [
          {
            by: 'A. Adviser (Legal adviser)',
            when: '3 January 2027 at 09:12 UTC',
            lines: ['Is this the unit that receives requests?', 'Please confirm the e-mail address.'],
          },
          { by: 'Treaty officer', when: '3 January 2027 at 10:40 UTC', lines: ['Confirmed: mla@example.bt'] },
        ],
        replyAction: '/drafts/example/review/comments/Ab3dEf9h/reply',
        replyFields: [field({ name: 'reply-Ab3dEf9h-text', kind: 'textarea', label: 'Your answer' })],
        resolveAction: '/drafts/example/review/comments/Ab3dEf9h/resolve',
      },
    },
    {
      name: 'resolved-in-arabic-with-latin-text',
      params: {
        id: 'comment-Zz9yXx8w',
        target: 'السلطات المركزية: Office of the Attorney General',
        targetHref: null,
        resolved: 'سُوّي في 3 كانون الثاني/يناير 2027',
        messages: [
          {
            by: 'المستشار القانوني',
            when: '3 كانون الثاني/يناير 2027',
            lines: ['mla@example.bt → legal@example.bt'],
          },
        ],
        replyAction: '/drafts/example/review/comments/Zz9yXx8w/reply',
        replyFields: [field({ name: 'reply-Zz9yXx8w-text', kind: 'textarea', label: 'ردك' }, '', 'أدخل ردك')],
        resolveAction: null,
      },
    },
  ],
  'back-link': [{ name: 'default', params: { href: '/drafts/example', text: 'Back' } }],
  'start-button': [{ name: 'default', params: { href: '/drafts/new', text: 'Start now' } }],
} satisfies Record<string, readonly ComponentExample[]>;

/** Every component's examples, by partial name. */
export const COMPONENT_EXAMPLES: Readonly<Record<string, readonly ComponentExample[]>> = {
  ...FIELD_EXAMPLES,
  ...OTHER_EXAMPLES,
};
