/**
 * GET /: the start page, server-rendered in the request's language, with a language switcher to the
 * same page in the other language and links into the API.
 */
import request from 'supertest';
import { decodeEntities, expectApiError } from './helpers';
import { createTestApp, type TestApp } from './test-app';

let t: TestApp;
beforeAll(() => {
  t = createTestApp();
});
afterAll(() => t.close());

/** The language switcher's links: [href, hreflang, text]. */
function switcherLinks(html: string): Array<[string, string, string]> {
  const nav = /<ul class="language-switcher">([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '';
  return [...nav.matchAll(/<a href="([^"]*)" hreflang="([^"]*)"[^>]*>([^<]*)<\/a>/g)].map((m) => [
    decodeEntities(m[1] ?? ''),
    m[2] ?? '',
    decodeEntities(m[3] ?? ''),
  ]);
}

describe('GET /', () => {
  /** Every language but one, each named in itself, in UN order. */
  const OTHERS = (but: string) =>
    (
      [
        ['ar', 'العربية'],
        ['zh', '中文'],
        ['en', 'English'],
        ['fr', 'Français'],
        ['ru', 'Русский'],
        ['es', 'Español'],
      ] as const
    )
      .filter(([code]) => code !== but)
      .map(([code, name]) => [`/?lang=${code}`, code, name]);

  test('is an HTML page in English by default, with a switcher to the five other languages', async () => {
    const res = await request(t.app).get('/');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-language']).toBe('en');
    expect(res.text).toMatch(/^<!DOCTYPE html>\s*<html lang="en" dir="ltr">/);
    expect(res.text).toContain('<title>');
    expect(switcherLinks(res.text)).toEqual(OTHERS('en'));
  });

  test('?lang=fr gives the page in French, with <html lang="fr"> and a switcher to the others', async () => {
    const res = await request(t.app).get('/?lang=fr');
    expect(res.status).toBe(200);
    expect(res.headers['content-language']).toBe('fr');
    expect(res.text).toContain('<html lang="fr"');
    expect(decodeEntities(res.text)).toContain(
      "<title>Assistant de rédaction des instruments d'adhésion</title>",
    );
    expect(switcherLinks(res.text)).toEqual(OTHERS('fr'));
  });

  test('the French page is not the English page: every sentence of the body differs', async () => {
    const [en, fr] = await Promise.all([request(t.app).get('/?lang=en'), request(t.app).get('/?lang=fr')]);
    const text = (html: string) =>
      [...html.matchAll(/<(h1|h2|p|li)[^>]*>([^<]{12,})</g)].map((m) => decodeEntities(m[2] ?? '').trim());
    const enTexts = text(en.text);
    const frTexts = text(fr.text);
    expect(enTexts.length).toBeGreaterThan(5);
    // French pages open with the notice that they are a draft translation; English ones have none.
    expect(frTexts[0]).toMatch(/^Ces pages en français sont une traduction provisoire/);
    expect(frTexts.slice(1)).toHaveLength(enTexts.length);
    for (const sentence of enTexts) expect(frTexts).not.toContain(sentence);
    expect(enTexts.join(' ')).not.toMatch(/draft translation/);
  });

  test('links into the API keep the page language', async () => {
    const fr = decodeEntities((await request(t.app).get('/?lang=fr')).text);
    expect(fr).toContain('href="/api/v1/treaties?lang=fr"');
    expect(fr).toContain('href="/api/v1/states?lang=fr"');
    expect(fr).toContain('href="/api/v1/schema"');
    const en = decodeEntities((await request(t.app).get('/')).text);
    expect(en).toContain('href="/api/v1/treaties?lang=en"');
  });

  test('Accept-Language: fr gives the French page', async () => {
    const res = await request(t.app).get('/').set('Accept-Language', 'fr-FR,fr;q=0.9,en;q=0.5');
    expect(res.text).toContain('<html lang="fr"');
    expect(res.headers['content-language']).toBe('fr');
    expect(res.headers.vary).toMatch(/Accept-Language/i);
  });

  test('has no inline script or style, so the Content-Security-Policy does not break it', async () => {
    for (const lang of ['en', 'fr']) {
      const html = (await request(t.app).get(`/?lang=${lang}`)).text;
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
      expect(html).not.toMatch(/\sstyle=/i);
      expect(html).not.toMatch(/\son[a-z]+=/i);
      expect(html).toContain('<link rel="stylesheet" href="/assets/css/site.css">');
    }
  });

  test('its stylesheet is served', async () => {
    const res = await request(t.app).get('/assets/css/site.css');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/css/);
  });

  test('an unknown page is a 404 page in the request language; an unknown API address stays JSON', async () => {
    const en = await request(t.app).get('/no-such-page');
    expect(en.status).toBe(404);
    expect(en.text).toContain('<html lang="en"');
    const fr = await request(t.app).get('/no-such-page?lang=fr');
    expect(fr.status).toBe(404);
    expect(fr.text).toContain('<html lang="fr"');
    const api = await request(t.app).get('/api/v1/no-such-thing?lang=fr');
    expectApiError(api, 404, 'not_found');
  });
});
