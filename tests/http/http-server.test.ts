/**
 * The app's HTTP server (server/http/http-server.ts): its requests and responses are made with the app's
 * prototypes, and the app answers through it exactly as through a plain Node server.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpServer } from '../../server/http/http-server';
import { createTestApp, draftThroughApi, samplePackage, type TestApp } from './test-app';

function listen(server: http.Server): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    );
  });
}

function close(server: http.Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

/** Whether each request and response had the app's prototypes before the app saw them. */
function prototypesOnArrival(server: http.Server, t: TestApp): boolean[] {
  const seen: boolean[] = [];
  server.prependListener('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    seen.push(
      Object.getPrototypeOf(req) === t.app.request &&
        Object.getPrototypeOf(res) === t.app.response &&
        req instanceof http.IncomingMessage &&
        res instanceof http.ServerResponse,
    );
  });
  return seen;
}

/** What a client reads of an answer: status, the headers that do not vary by moment, the body. */
async function answer(res: Response) {
  const headers = Object.fromEntries(
    [...res.headers].filter(([name]) => !['date', 'set-cookie', 'keep-alive', 'connection'].includes(name)),
  );
  return { status: res.status, headers, body: await res.text() };
}

describe('the HTTP server', () => {
  let t: TestApp;
  let made: http.Server;
  let plain: http.Server;
  let madeUrl: string;
  let plainUrl: string;

  beforeAll(async () => {
    t = createTestApp({ requestLog: false });
    made = createHttpServer(t.app);
    plain = http.createServer(t.app);
    madeUrl = await listen(made);
    plainUrl = await listen(plain);
  });
  afterAll(async () => {
    await Promise.all([close(made), close(plain)]);
    t.close();
  });

  it("makes each request and response with the app's prototypes (a plain server does not)", async () => {
    const madeSeen = prototypesOnArrival(made, t);
    const plainSeen = prototypesOnArrival(plain, t);
    for (const url of [madeUrl, plainUrl]) {
      for (const path of ['/', '/api/v1/health', '/no-such-page'])
        await (await fetch(`${url}${path}`)).text();
    }
    expect(madeSeen).toEqual([true, true, true]);
    expect(plainSeen).toEqual([false, false, false]);
  });

  it('answers pages, the API and errors as a plain server does', async () => {
    const { url } = await draftThroughApi(t.app, samplePackage('bhutan-accession'));
    const json = { 'content-type': 'application/json' };
    const requests: [string, RequestInit][] = [
      [url, {}],
      [`${url}?lang=ar`, {}],
      ['/api/v1/health', {}],
      [
        '/api/v1/validate',
        { method: 'POST', headers: json, body: JSON.stringify(samplePackage('bhutan-accession')) },
      ],
      ['/api/v1/validate', { method: 'POST', headers: json, body: '{"not json' }],
      ['/no-such-page', {}],
    ];
    for (const [path, init] of requests) {
      const [a, b] = await Promise.all([fetch(`${madeUrl}${path}`, init), fetch(`${plainUrl}${path}`, init)]);
      const [fromMade, fromPlain] = await Promise.all([answer(a), answer(b)]);
      expect(fromMade.status).toBeGreaterThanOrEqual(200);
      expect(fromMade).toEqual(fromPlain);
    }
  });
});
