/**
 * The request edge: the request log never holds a draft's id, however its address is written.
 */
import { createDraft, JourneyClient } from './journey-helpers';
import { createTestApp } from './test-app';

describe('the request log never holds a draft id', () => {
  test('whatever the shape of the address', async () => {
    const app = createTestApp();
    try {
      const browser = new JourneyClient(app.app);
      const { id } = await createDraft(browser, 'BT', ['untoc']);
      const escaped = (s: string) => [...s].map((ch) => `%${ch.charCodeAt(0).toString(16)}`).join('');
      const paths = [
        `//drafts/${id}`,
        `/%64rafts/${id}`,
        `/DRAFTS/${id}`,
        `/drafts/${id}/authorities/x`,
        `/x/${id}`,
        `/drafts/${escaped(id.slice(0, 4))}${id.slice(4)}`,
        `/drafts/${escaped(id)}/signing`,
        `/drafts/${id}%2Fexport`,
        `/drafts/%zz${id}`,
        `/drafts/${id.slice(0, 12)}%zz${id.slice(12)}`,
        `/api/v1/${id}`,
        `/assets/${id}`,
      ];
      for (const path of paths) {
        await browser.get(path);
        await browser.post(path, { place: 'x' });
      }
      const log = app.logLines.join('\n');
      expect(app.logLines.length).toBeGreaterThanOrEqual(paths.length * 2);
      for (const piece of [id, id.slice(0, 12), id.slice(12)])
        expect(log.toLowerCase()).not.toContain(piece.toLowerCase());
      const logged = app.logLines.map((l) => (JSON.parse(l) as { path?: string }).path);
      expect(logged).toEqual(
        expect.arrayContaining([
          '//drafts/:id',
          '/drafts/:id',
          '/drafts/:id/authorities/x',
          '/x/:id',
          '/drafts/:id/signing',
          '/drafts/:id/export',
        ]),
      );
    } finally {
      app.close();
    }
  });
});
