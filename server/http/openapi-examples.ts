/**
 * Examples for the OpenAPI document, generated from tests/fixtures/packages/good by
 * tests/support/openapi-examples.ts (UPDATE_OPENAPI_EXAMPLES=1 npx jest tests/unit/http/openapi.test.ts):
 * do not edit by hand.
 */
export const FIELD_EXAMPLES: Readonly<Record<string, unknown>> = {
  article5: {
    requiresOrganizedCriminalGroup: false,
    requiresActInFurtherance: false,
  },
  'article5/requiresActInFurtherance': false,
  'article5/requiresOrganizedCriminalGroup': false,
  authorities: [
    {
      roles: ['untoc-18-13'],
      name: 'Ministry of Justice, International Cooperation Division',
      address: {
        lines: ['1 Justice Street'],
        city: 'Capital',
        postcode: '10000',
      },
      phone: ['+82 2 000 0000'],
      email: ['mla@example.org'],
      timeZone: 'Asia/Seoul',
      channels: {
        diplomaticOnly: false,
        interpolForUrgent: true,
        oralForUrgent: true,
      },
    },
  ],
  'authorities/address': {
    lines: ['1 Justice Street'],
    city: 'Capital',
    postcode: '10000',
  },
  'authorities/address/city': 'Capital',
  'authorities/address/country': 'BT',
  'authorities/address/lines': ['1 Justice Street'],
  'authorities/address/postcode': '10000',
  'authorities/channels': {
    diplomaticOnly: false,
    interpolForUrgent: true,
    oralForUrgent: true,
  },
  'authorities/channels/diplomaticOnly': false,
  'authorities/channels/interpolForUrgent': true,
  'authorities/channels/oralForUrgent': true,
  'authorities/designatedOn': '2027-01-04',
  'authorities/email': ['mla@example.org'],
  'authorities/fax': ['+82 (2) 000-0000'],
  'authorities/name': 'Ministry of Justice, International Cooperation Division',
  'authorities/officeHours': 'Monday to Friday, 09:00 to 17:00',
  'authorities/phone': ['+82 2 000 0000'],
  'authorities/roles': ['untoc-18-13'],
  'authorities/territory': 'Hong Kong Special Administrative Region',
  'authorities/timeZone': 'Asia/Seoul',
  'authorities/unit': 'International Cooperation Division',
  'authorities/website': 'https://example.org/mla',
  competence: [
    {
      treaties: ['untoc'],
      text: 'The European Union declares that, in accordance with the Treaties, its Member States have transferred competence to it in respect of the matters listed below.',
    },
  ],
  'competence/text':
    'The European Union declares that, in accordance with the Treaties, its Member States have transferred competence to it in respect of the matters listed below.',
  'competence/treaties': ['untoc'],
  declarations: [
    {
      treaties: ['untoc', 'tip'],
      kind: 'territorial',
      text: 'The Convention and the Protocol shall not apply to the territory of Example Island.',
    },
  ],
  'declarations/kind': 'territorial',
  'declarations/text': 'The Convention and the Protocol shall not apply to the territory of Example Island.',
  'declarations/treaties': ['untoc'],
  deposit: {
    plannedOn: '2027-01-15',
    place: null,
  },
  'deposit/place': 'United Nations Office at Vienna',
  'deposit/plannedOn': '2027-01-15',
  documentLanguage: 'en',
  extradition: {
    conditionalOnTreaty: true,
    conventionAsLegalBasis: true,
  },
  'extradition/conditionalOnTreaty': true,
  'extradition/conventionAsLegalBasis': true,
  fullPowers: {
    issuer: {
      name: 'A. Example',
      title: 'Minister for Foreign Affairs',
      office: 'minister-for-foreign-affairs',
    },
    place: 'Capital',
    date: '2027-01-05',
  },
  'fullPowers/date': '2027-01-05',
  'fullPowers/issuer': {
    name: 'A. Example',
    title: 'Minister for Foreign Affairs',
    office: 'minister-for-foreign-affairs',
  },
  'fullPowers/issuer/name': 'A. Example',
  'fullPowers/issuer/office': 'minister-for-foreign-affairs',
  'fullPowers/issuer/title': 'Minister for Foreign Affairs',
  'fullPowers/place': 'Capital',
  lawCopies: {
    moneyLaundering: 'enclosed',
    confiscation: 'enclosed',
  },
  'lawCopies/confiscation': 'enclosed',
  'lawCopies/moneyLaundering': 'enclosed',
  mlaLanguages: ['en'],
  outsideCompetence: ['untoc-18-13'],
  party: {
    kind: 'state',
    code: 'TH',
    formalName: 'the Kingdom of Thailand',
  },
  'party/code': 'TH',
  'party/formalName': 'the Kingdom of Thailand',
  'party/kind': 'state',
  priorConsents: [
    {
      treaty: 'untoc',
      depositedOn: '2024-02-29',
      type: 'accession',
    },
  ],
  'priorConsents/depositedOn': '2024-02-29',
  'priorConsents/treaty': 'untoc',
  'priorConsents/type': 'accession',
  purpose: 'notify',
  reservationExplanations: {
    untoc:
      'The Republic of Korea settles its disputes with other States by negotiation.\nIt accepts the jurisdiction of the International Court of Justice case by case.',
  },
  'reservationExplanations/untoc':
    'The Republic of Korea settles its disputes with other States by negotiation.\nIt accepts the jurisdiction of the International Court of Justice case by case.',
  reservations: ['untoc-35-3'],
  signatory: {
    name: 'A. Example',
    title: 'Minister for Foreign Affairs',
    office: 'minister-for-foreign-affairs',
  },
  'signatory/name': 'A. Example',
  'signatory/office': 'minister-for-foreign-affairs',
  'signatory/title': 'Minister for Foreign Affairs',
  signing: {
    place: 'Capital',
    date: '2027-01-08',
  },
  'signing/date': '2027-01-08',
  'signing/place': 'Capital',
  territories: [
    {
      name: 'the Hong Kong Special Administrative Region',
      mlaLanguages: ['zh', 'en'],
    },
  ],
  'territories/article5': {
    requiresOrganizedCriminalGroup: false,
    requiresActInFurtherance: false,
  },
  'territories/article5/requiresActInFurtherance': false,
  'territories/article5/requiresOrganizedCriminalGroup': false,
  'territories/extradition': {
    conditionalOnTreaty: false,
    conventionAsLegalBasis: null,
  },
  'territories/extradition/conditionalOnTreaty': false,
  'territories/extradition/conventionAsLegalBasis': true,
  'territories/mlaLanguages': ['zh'],
  'territories/name': 'the Hong Kong Special Administrative Region',
  treaties: [
    {
      treaty: 'untoc',
      instrument: 'ratification',
    },
  ],
  'treaties/instrument': 'ratification',
  'treaties/signatureReservations': [
    {
      text: 'Reservation made on signature on 13 December 2000.',
      confirm: true,
    },
  ],
  'treaties/signatureReservations/confirm': true,
  'treaties/signatureReservations/text': 'Reservation made on signature on 13 December 2000.',
  'treaties/signedOn': '2000-12-13',
  'treaties/treaty': 'untoc',
  withdrawnReservations: ['untoc-35-3'],
};

/** tests/fixtures/packages/good/bhutan-accedes-untoc-tip-som/package.json */
export const PACKAGE_EXAMPLE: unknown = {
  party: {
    kind: 'state',
    code: 'BT',
    formalName: 'the Kingdom of Bhutan',
  },
  treaties: [
    {
      treaty: 'untoc',
      instrument: 'accession',
    },
    {
      treaty: 'tip',
      instrument: 'accession',
    },
    {
      treaty: 'som',
      instrument: 'accession',
    },
  ],
  signatory: {
    name: 'Pema Example',
    title: 'Minister for Foreign Affairs and External Trade of the Kingdom of Bhutan',
    office: 'minister-for-foreign-affairs',
  },
  signing: {
    place: 'Thimphu',
    date: null,
  },
  extradition: {
    conditionalOnTreaty: true,
    conventionAsLegalBasis: true,
  },
  article5: {
    requiresOrganizedCriminalGroup: false,
    requiresActInFurtherance: true,
  },
  authorities: [
    {
      roles: ['untoc-18-13'],
      name: 'Office of the Attorney General',
      unit: 'International Cooperation Division',
      address: {
        lines: ['Post Box 1045'],
        city: 'Thimphu',
        postcode: '11001',
        country: 'BT',
      },
      phone: ['+975 2 000 000'],
      email: ['mla@example.bt'],
      officeHours: 'Monday to Friday, 09:00 to 17:00',
      timeZone: 'Asia/Thimphu',
      channels: {
        diplomaticOnly: false,
        interpolForUrgent: true,
        oralForUrgent: true,
      },
    },
    {
      roles: ['untoc-31-6'],
      name: 'Royal Bhutan Police, Crime Prevention Unit',
      address: {
        lines: ['Chang Lam'],
        city: 'Thimphu',
        country: 'BT',
      },
    },
    {
      roles: ['som-8-6'],
      name: 'Department of Immigration',
      phone: ['+975 2 000 001'],
      designatedOn: '2027-01-04',
    },
  ],
  mlaLanguages: ['dz', 'en'],
  reservations: ['untoc-35-3'],
  lawCopies: {
    moneyLaundering: 'to-follow',
    confiscation: 'to-follow',
  },
  deposit: {
    plannedOn: '2027-01-15',
    place: null,
  },
  documentLanguage: 'en',
};
