/**
 * What the JSON API returns: the catalogue, the States and an assessment, with every user-visible
 * string in the request's language. Codes, ids and ISO dates stay as they are, so clients can rely on
 * them; localized labels sit beside them.
 */
import { QUOTE_LANGUAGE } from '../i18n/languages';
import {
  REQUIREMENTS,
  SOURCES,
  STATE_CODES,
  REIO_CODES,
  TREATIES,
  TREATY_IDS,
  UN_LANGUAGES,
  type Participation,
  type Quote,
  type Requirement,
  type TreatyId,
} from '../catalogue';
import type { ChecklistItem } from '../domain/checklist';
import type { Assessment } from '../domain/validate';
import { formatDate } from '../i18n/format';
import { formatCitation, formatPath, localizeIssue, translate, type Translator } from '../i18n/messages';

/** A quoted text, its language, its source, and how far it was verified (absent: read verbatim in its source). */
function quoteView(quote: Quote, tr: Translator) {
  return {
    text: quote.text,
    lang: QUOTE_LANGUAGE,
    source: { id: quote.source, ...SOURCES[quote.source] },
    ...(quote.verification
      ? {
          verification: quote.verification,
          verificationLabel: tr.t(`legal:quoteVerification.${quote.verification}`),
        }
      : {}),
  };
}

function requirementView(req: Requirement, tr: Translator) {
  return {
    id: req.id,
    appliesTo: req.appliesTo,
    citation: { ...req.citation, label: formatCitation(req.citation, tr) },
    kind: req.kind,
    kindLabel: tr.t(`legal:kinds.${req.kind}`),
    obligation: req.obligation,
    obligationLabel: tr.t(`legal:obligations.${req.obligation}`),
    timing: req.timing,
    timingLabel: tr.t(`legal:timings.${req.timing}`),
    ...(req.route ? { route: req.route } : {}),
    label: tr.t(`legal:requirements.${req.id}.label`),
    supply: tr.t(`legal:requirements.${req.id}.supply`),
    quote: quoteView(req.quote, tr),
    // A text that differs by route (the Handbook's models of ratification and of accession).
    ...(req.quotesByRoute
      ? {
          quotesByRoute: {
            ratification: quoteView(req.quotesByRoute.ratification, tr),
            accession: quoteView(req.quotesByRoute.accession, tr),
          },
        }
      : {}),
    ...(req.related
      ? {
          related: req.related.map((r) => ({
            citation: { ...r.citation, label: formatCitation(r.citation, tr) },
            quote: quoteView(r.quote, tr),
          })),
        }
      : {}),
  };
}

export function catalogueView(participation: Participation, tr: Translator) {
  return {
    treaties: TREATY_IDS.map((id) => {
      const t = TREATIES[id];
      return {
        id,
        name: tr.t(`legal:treaties.${id}.name`),
        untcChapter: t.untcChapter,
        parent: t.parent,
        titles: Object.fromEntries(UN_LANGUAGES.map((lng) => [lng, t.titles[lng]])),
        concluded: {
          place: tr.t(`legal:places.${t.concluded.place}`),
          date: t.concluded.date,
          dateLabel: formatDate(t.concluded.date, tr.lng),
        },
        adoptedBy: t.adoptedBy,
        entryIntoForce: t.entryIntoForce,
        signature: t.signature,
        consentArticles: t.consentArticles,
        laterEntryIntoForceArticle: t.laterEntryIntoForceArticle,
        disputeArticle: t.disputeArticle,
        unts: t.unts,
        registration: t.registration,
        textDocument: t.textDocument,
        untcUrl: t.untcUrl,
        participationData: {
          asAt: participation[id].asAt,
          sources: participation[id].sources.map((s) => ({ id: s, ...SOURCES[s] })),
        },
        requirements: REQUIREMENTS.filter((r) => r.appliesTo === id).map((r) => requirementView(r, tr)),
      };
    }),
    packageRequirements: REQUIREMENTS.filter((r) => r.appliesTo === null).map((r) => requirementView(r, tr)),
  };
}

/**
 * States and the European Union with their participation. `names` is the language of the names: any
 * ISO 639-1 code (Intl.DisplayNames), by default the request's language.
 */
export function statesView(participation: Participation, names: string) {
  const collator = new Intl.Collator(names);
  const display = new Intl.DisplayNames([names], { type: 'region', fallback: 'code' });
  const entry = (code: string, kind: 'state' | 'reio') => ({
    code,
    kind,
    name: display.of(code) ?? code,
    participation: Object.fromEntries(
      TREATY_IDS.map((treaty) => {
        const record = participation[treaty].records.get(code);
        return [treaty, { signature: record?.signature ?? null, consent: record?.consent ?? null }];
      }),
    ) as Record<TreatyId, unknown>,
  });
  return {
    asAt: Object.fromEntries(TREATY_IDS.map((t) => [t, participation[t].asAt])),
    names,
    states: [...STATE_CODES.map((c) => entry(c, 'state')), ...REIO_CODES.map((c) => entry(c, 'reio'))].sort(
      (a, b) => collator.compare(a.name, b.name),
    ),
  };
}

function checklistItemView(item: ChecklistItem, tr: Translator) {
  return {
    ...requirementView(item.requirement, tr),
    // What this package's checklist quotes: the text of its instruments' route(s); `quote` is the first.
    quote: quoteView(item.quotes[0]!, tr),
    quotes: item.quotes.map((q) => quoteView(q, tr)),
    status: item.status,
    statusLabel: tr.t(`legal:statuses.${item.status}`),
    reason: item.reason ? translate(item.reason, tr) : null,
    supplied: item.supplied.map((s) => translate(s, tr)),
    due: item.due,
    path: formatPath(item.path),
  };
}

/** A missing checklist item, reported like an issue (for final mode refused). */
export function missingAsIssue(item: ChecklistItem, tr: Translator) {
  const citation = formatCitation(item.requirement.citation, tr);
  const heading = tr.t('legal:titled', {
    before: citation,
    after: tr.t(`legal:requirements.${item.id}.label`),
  });
  return {
    severity: 'error' as const,
    code: 'checklist.missing',
    requirement: item.id,
    message: item.reason
      ? tr.t('legal:titled', { before: heading, after: translate(item.reason, tr) })
      : heading,
    path: formatPath(item.path),
    field: null,
    source: { ...item.requirement.citation, label: citation },
  };
}

export function assessmentView(assessment: Assessment, tr: Translator) {
  return {
    valid: !assessment.issues.some((i) => i.severity === 'error'),
    finalAllowed: assessment.finalAllowed,
    issues: assessment.issues.map((i) => localizeIssue(i, tr)),
    checklist: {
      items: assessment.checklist.items.map((i) => checklistItemView(i, tr)),
      missing: assessment.checklist.missing.map((i) => i.id),
    },
    entryIntoForce: assessment.entryIntoForce.map((e) => ({
      ...e,
      citation: { ...e.citation, label: formatCitation(e.citation, tr) },
      dateLabel: e.date ? formatDate(e.date, tr.lng) : null,
    })),
    package: assessment.pkg,
  };
}
