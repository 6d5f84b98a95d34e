/**
 * The history of a draft: every save (revision), newest first, with when, by which role, from which page,
 * and what it changed, in words (changes.ts); and the differences between any two revisions.
 *
 *   GET {draft}/history                  the revisions
 *   GET {draft}/history?from=N&to=M      what differs from revision N to revision M, in words
 *
 * The store keeps the last KEPT_SNAPSHOTS revisions whole (store/drafts.ts): their changes are told with
 * the values before and after; an older save is told by the fields it changed only, and a comparison
 * with an older revision says it can no longer be made. The record never held values it did not keep.
 */
import type { Request, Response, Router } from 'express';
import type { Draft } from '../../domain/draft';
import { formatDate } from '../../i18n/format';
import { fieldView } from '../forms';
import { PAGES } from './definitions';
import { changedLabels, changesInWords } from './changes';
import { dr, queryString, type PageKit } from './kit';

/** At most this many revisions listed (the newest); the page says how many earlier ones there are. */
const LISTED = 200;

export function registerHistoryPages(router: Router, kit: PageKit): void {
  const { drafts, render, base, partyLabel } = kit;

  /** "Party", "Authority", "Review: comment", "API": the page a save was made from, in words. */
  function pageWords(req: Request, page: string): string {
    const t = dr(req).t;
    const [head] = page.split('/');
    const question = PAGES.find((p) => p.id === page);
    if (question) return t(`pages.q.${question.id}.title`);
    const known = ['api', 'import', 'new', 'authorities', 'declarations', 'translate', 'xliff', 'review'];
    if (page.startsWith('review/'))
      return t(`pages.history.pages.${page.replace('/', '-')}`, { defaultValue: page });
    if (head && known.includes(head)) return t(`pages.history.pages.${head}`);
    return t('pages.history.pages.other');
  }

  const when = (req: Request, at: string) =>
    dr(req).t('pages.review.at', { date: formatDate(at.slice(0, 10), dr(req).lng), time: at.slice(11, 16) });

  /** A revision number from the query, when it names one of the draft's. */
  function revisionParam(req: Request, name: string, latest: number): number | null {
    const v = queryString(req, name);
    if (v === null || !/^[1-9]\d{0,9}$/.test(v)) return null;
    const n = Number(v);
    return n <= latest ? n : null;
  }

  router.get(['/drafts/:id/history', '/shared/:token/history'], (req: Request, res: Response) => {
    const r = dr(req);
    const t = r.t;
    const records = drafts.history(r.draftId);
    const latest = r.revision;
    const snapshots = new Map<number, Draft | null>();
    const snapshot = (n: number) => {
      if (!snapshots.has(n)) snapshots.set(n, drafts.snapshot(r.draftId, n));
      return snapshots.get(n) ?? null;
    };
    const listed = records.slice(-LISTED).reverse();
    const revisions = listed.map((rec) => {
      const before = rec.revision > 1 ? snapshot(rec.revision - 1) : null;
      const after = snapshot(rec.revision);
      const words =
        rec.revision === 1
          ? [t('pages.history.created')]
          : before && after
            ? [
                ...changesInWords(r, before.package, after.package).map((c) => c.text),
                ...(JSON.stringify(before.review) !== JSON.stringify(after.review)
                  ? [t('pages.history.reviewChanged')]
                  : []),
              ]
            : changedLabels(r, rec.paths).map((label) => t('pages.history.changedField', { label }));
      return {
        revision: rec.revision,
        when: when(req, rec.savedAt),
        role: t(`pages.history.roles.${rec.role}`, { defaultValue: rec.role }),
        page: pageWords(req, rec.page),
        changes: words.length > 0 ? words : [t('pages.history.noAnswerChanged')],
      };
    });

    const from = revisionParam(req, 'from', latest);
    const to = revisionParam(req, 'to', latest);
    let comparison: { heading: string; lines: string[] } | null = null;
    const asked = queryString(req, 'from') !== null || queryString(req, 'to') !== null;
    const errors: { name: string; href: string; message: string }[] = [];
    if (asked) {
      if (from === null)
        errors.push({ name: 'from', href: '#from', message: t('pages.history.badRevision', { latest }) });
      if (to === null)
        errors.push({ name: 'to', href: '#to', message: t('pages.history.badRevision', { latest }) });
      if (from !== null && to !== null) {
        const a = snapshot(from);
        const b = snapshot(to);
        const heading = t('pages.history.comparisonHeading', { from, to });
        comparison =
          !a || !b
            ? { heading, lines: [t('pages.history.notKept', { revision: !a ? from : to })] }
            : {
                heading,
                lines: (() => {
                  const lines = changesInWords(r, a.package, b.package).map((c) => c.text);
                  return lines.length > 0 ? lines : [t('pages.history.same')];
                })(),
              };
      }
    }
    const options = records
      .slice(-LISTED)
      .reverse()
      .map((rec) => ({
        value: String(rec.revision),
        label: t('pages.history.revision', { revision: rec.revision }),
      }));
    const select = (name: 'from' | 'to', fallback: number) =>
      fieldView(
        { name, kind: 'select', path: [name], label: t(`pages.history.${name}`), options },
        queryString(req, name) ?? String(fallback),
        errors.find((e) => e.name === name)?.message ?? null,
      );
    render(
      req,
      res,
      'history',
      {
        title: t('pages.history.title'),
        heading: t('pages.history.title'),
        caption: partyLabel(req, r.draft.package),
        lead: t('pages.history.lead', { count: records.length, latest }),
        earlier:
          records.length > LISTED ? t('pages.history.earlier', { count: records.length - LISTED }) : null,
        revisions,
        action: `${base(req)}/history`,
        selects: [select('from', Math.max(1, latest - 1)), select('to', latest)],
        comparison,
      },
      {
        back: r.link ? `${base(req)}/review` : base(req),
        errors,
        ...(errors.length > 0 ? { status: 400 } : {}),
      },
    );
  });
}
