/**
 * The answers of a draft for translators' tools (domain/xliff.ts): a language's answers downloaded as an
 * XLIFF 1.2 file, and the file, once translated in a CAT tool, imported back into the translations.
 *
 *   GET  /drafts/:id/translate/:lng/xliff          the file (an attachment)
 *   GET  /drafts/:id/translate/:lng/xliff/import   the page to upload it
 * (and the same under /shared/{secret} for a translator's link: journey/shared.ts)
 *   POST /drafts/:id/translate/:lng/xliff/import   read it: the language page with how many were imported,
 *                                                  or this page again (400) saying why, nothing changed
 *
 * The notes in the file are in the answers' own language (the language the translator reads them in),
 * the same whoever downloads it. A file is for one draft at one revision: once the draft changes, a file
 * downloaded before is refused, and the translator downloads it again. Saved through kit.saveDraft, on
 * the revision the file was made from.
 */
import type { Request, Response, Router } from 'express';
import multer from 'multer';
import type { Package } from '../../domain/package';
import {
  XLIFF_MEDIA_TYPE,
  applyXliff,
  buildXliff,
  draftFingerprint,
  readXliff,
  type XliffRefusal,
} from '../../domain/xliff';
import { textSlots } from '../../domain/translations';
import { isLanguage, type Language } from '../../i18n';
import { profileOf } from '../../i18n/languages';
import { verifyCsrf } from '../csrf';
import type { FieldError } from '../forms';
import { dr, lr, queryString, type PageKit } from './kit';
import { slotLabel } from './slot-label';

/** The language's page, at the address the draft was opened at (its own, or a translator's link). */
const pathOf = (req: Request, lng: Language) => `${dr(req).base}/translate/${lng}`;

/** The links of a language's translation page to its XLIFF file and its import. */
export function xliffLinks(req: Request, lng: Language) {
  const t = lr(req).t;
  return [
    { href: `${pathOf(req, lng)}/xliff`, text: t('pages.xliff.download') },
    { href: `${pathOf(req, lng)}/xliff/import`, text: t('pages.xliff.importLink') },
  ];
}

/** What an import did, told on the language page it leads to (?imported=N). */
export function xliffNotice(req: Request): { title: string; lines: string[] } | null {
  const raw = queryString(req, 'imported');
  if (raw === null || !/^\d{1,4}$/.test(raw)) return null;
  const t = lr(req).t;
  const count = Number(raw);
  return {
    title: t('pages.xliff.done.title'),
    lines: [count === 0 ? t('pages.xliff.done.none') : t('pages.xliff.done.line', { count })],
  };
}

export function registerXliffPages(router: Router, kit: PageKit): void {
  const { deps, upload, render, errorPage, refuseForgery, saveDraft, base } = kit;

  /** The language the address names, when the draft's answers can be translated into it. */
  function languageFor(req: Request, res: Response): Language | null {
    const lng = req.params.lng as string;
    if (isLanguage(lng) && lng !== dr(req).draft.package.documentLanguage) return lng;
    errorPage(req, res, 404, 'notFound', [
      { href: `${base(req)}/translate`, text: lr(req).t('pages.translate.toOverview') },
    ]);
    return null;
  }

  router.get(['/drafts/:id/translate/:lng/xliff', '/shared/:token/translate/:lng/xliff'], (req, res) => {
    const lng = languageFor(req, res);
    if (!lng) return;
    const r = dr(req);
    const pkg = r.draft.package;
    const t = deps.i18n.t(pkg.documentLanguage);
    const file = buildXliff(pkg, lng, {
      fingerprint: draftFingerprint(r.draftId),
      revision: r.revision,
      sourceTag: profileOf(pkg.documentLanguage).tag,
      targetTag: profileOf(lng).tag,
      headerNote: t('pages.xliff.notes.header', {
        source: t(`languages.${pkg.documentLanguage}`),
        language: t(`languages.${lng}`),
        revision: r.revision,
      }),
      notes: ({ slot, state, translatedFrom, translation }, limit) => [
        t('pages.xliff.notes.field', { field: slotLabel(t, pkg, slot) }),
        ...(state === 'fixed'
          ? [t('pages.xliff.notes.fixed', { language: t(`languages.${lng}`), text: translation ?? '' })]
          : []),
        ...(slot.personal ? [t('pages.xliff.notes.personal')] : []),
        ...(state === 'stale' ? [t('pages.xliff.notes.stale', { text: translatedFrom ?? '' })] : []),
        t(slot.kind === 'text' ? 'pages.xliff.notes.limitText' : 'pages.xliff.notes.limitLine', {
          max: limit,
        }),
      ],
    });
    const name = `translation-${pkg.party.code.toLowerCase()}-${pkg.documentLanguage}-${lng}-revision-${r.revision}.xlf`;
    res.set('Cache-Control', 'no-store');
    res.type(XLIFF_MEDIA_TYPE).attachment(name).send(file);
  });

  function renderImport(req: Request, res: Response, lng: Language, errors: FieldError[], status?: number) {
    const t = lr(req).t;
    const language = t(`languages.${lng}`);
    render(
      req,
      res,
      'xliff-import',
      {
        title: t('pages.xliff.import.title', { language }),
        lead: t('pages.xliff.import.lead', { returnObjects: true, language }) as string[],
        action: `${pathOf(req, lng)}/xliff/import`,
        download: { href: `${pathOf(req, lng)}/xliff`, text: t('pages.xliff.download') },
        cancel: { href: pathOf(req, lng), text: t('pages.xliff.import.cancel', { language }) },
        // One problem is said again at the field; several are summed up there, each listed above.
        fieldError:
          errors.length === 0
            ? null
            : errors.length === 1
              ? errors[0]!.message
              : t('pages.xliff.import.refused', { count: errors.length }),
      },
      { errors, back: pathOf(req, lng), ...(status ? { status } : {}) },
    );
  }

  /** One message per refusal, each naming its unit (with the field's label) where there is one. */
  function messagesOf(
    req: Request,
    pkg: Package,
    lng: Language,
    refusals: readonly XliffRefusal[],
  ): FieldError[] {
    const t = lr(req).t;
    const slots = new Map(textSlots(pkg).map((s) => [s.key, s]));
    const unitLabel = (unit: string) => {
      const slot = slots.get(unit);
      return slot
        ? t('pages.xliff.errors.unitLabel', { unit, field: slotLabel(t, pkg, slot) })
        : t('pages.xliff.errors.unitOnly', { unit });
    };
    return refusals.map((refusal) => {
      const message = (() => {
        switch (refusal.code) {
          case 'otherRevision':
            return t('pages.xliff.errors.otherRevision', { file: refusal.file, current: refusal.current });
          case 'otherLanguage':
            return t('pages.xliff.errors.otherLanguage', {
              found: refusal.language,
              language: t(`languages.${lng}`),
            });
          case 'unknownUnit':
          case 'duplicateUnit':
            return t(`pages.xliff.errors.${refusal.code}`, { unit: refusal.unit });
          case 'invalidTarget': {
            const params = Object.fromEntries(
              Object.entries(refusal.params).filter(
                ([, v]) => typeof v === 'number' || typeof v === 'string',
              ),
            );
            const label = unitLabel(refusal.unit);
            return t(`pages.errors.${refusal.issue.replace(/^schema\./, '')}`, {
              ...params,
              label,
              defaultValue: t('pages.errors.invalid', { label }),
            });
          }
          default:
            return t(`pages.xliff.errors.${refusal.code}`);
        }
      })();
      return { name: 'file', href: '#file', message };
    });
  }

  router.get(
    ['/drafts/:id/translate/:lng/xliff/import', '/shared/:token/translate/:lng/xliff/import'],
    (req, res) => {
      const lng = languageFor(req, res);
      if (lng) renderImport(req, res, lng, []);
    },
  );

  router.post(
    ['/drafts/:id/translate/:lng/xliff/import', '/shared/:token/translate/:lng/xliff/import'],
    (req, res, next) => {
      const lng = languageFor(req, res);
      if (!lng) return;
      upload.single('file')(req, res, (err: unknown) => {
        if (!err) return next();
        const t = lr(req).t;
        const tooLarge = err instanceof multer.MulterError && err.code === 'LIMIT_FILE_SIZE';
        const message = tooLarge
          ? t('pages.xliff.errors.tooLarge', { kb: Math.round(deps.bodyLimitBytes / 1024) })
          : t('pages.xliff.errors.upload');
        renderImport(req, res, lng, [{ name: 'file', href: '#file', message }], tooLarge ? 413 : 400);
      });
    },
    verifyCsrf(refuseForgery),
    (req, res) => {
      const lng = req.params.lng as Language;
      const r = dr(req);
      const refuse = (errors: FieldError[], status = 400) => renderImport(req, res, lng, errors, status);
      const fileError = (refusals: XliffRefusal[]) => refuse(messagesOf(req, r.draft.package, lng, refusals));
      const sent = req.file;
      if (!sent || sent.size === 0)
        return refuse([{ name: 'file', href: '#file', message: r.t('pages.xliff.errors.noFile') }]);
      const read = readXliff(sent.buffer.toString('utf8'));
      if (!read.ok) return fileError([{ code: read.error }]);
      const draft = { fingerprint: draftFingerprint(r.draftId), revision: r.revision };
      // Judged against the draft as it is now; the file must be of this revision.
      const checked = applyXliff(r.draft.package, lng, read.file, draft);
      if (!checked.ok) return fileError(checked.refusals);
      saveDraft<XliffRefusal[]>(req, res, {
        page: `translate/${lng}/xliff`,
        section: null,
        baseRevision: read.file.revision,
        change: (before) => {
          const applied = applyXliff(before.package, lng, read.file, draft);
          return applied.ok
            ? { ok: true, draft: { ...before, package: applied.pkg } }
            : { ok: false, refusal: applied.refusals };
        },
        next: () => `${pathOf(req, lng)}?imported=${checked.changed}`,
        refused: fileError,
        conflict: () =>
          refuse([{ name: 'file', href: '#file', message: r.t('pages.xliff.errors.conflict') }], 409),
        pageError: (message, status) => refuse([{ name: 'file', href: '#file', message }], status),
      });
    },
  );
}
