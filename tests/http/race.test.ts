/**
 * Simultaneous saves to two pages of one draft lose nothing. The app listens on a real port; each pair
 * of saves is read at the same revision and sent at once, one of them with a slow body (half sent, a
 * pause, the rest), which used to hold a draft loaded before its body was read while the other save
 * landed. Every acknowledged save (303) must be in the draft afterwards.
 *
 * RACE_PAIRS sets the number of pairs: 20 by default (CI), `npm run race` runs the full 200.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTestApp, type TestApp } from './test-app';

const PAIRS = Number(process.env.RACE_PAIRS ?? 20);

let t: TestApp;
let server: http.Server;
let origin: string;
let cookie = '';
let token = '';

/** One HTTP request on a fresh connection; `slow` sends half the body, waits, then the rest. */
function send(
  method: string,
  path: string,
  body: string | null,
  slow = 0,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${origin}${path}`,
      {
        method,
        agent: false,
        headers: {
          cookie,
          ...(body !== null
            ? {
                'content-type': 'application/x-www-form-urlencoded',
                'content-length': Buffer.byteLength(body),
              }
            : {}),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
      },
    );
    req.on('error', reject);
    if (body === null) return req.end();
    if (slow === 0) return req.end(body);
    const half = Math.floor(body.length / 2);
    req.write(body.slice(0, half));
    setTimeout(() => req.end(body.slice(half)), slow);
  });
}

const form = (fields: Record<string, string>) => new URLSearchParams({ _csrf: token, ...fields }).toString();

beforeAll(async () => {
  t = createTestApp({ requestLog: false });
  server = t.app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const start = await send('GET', '/drafts/new', null);
  cookie = String(start.headers['set-cookie']?.[0] ?? '').split(';')[0]!;
  token = /name="_csrf" value="([^"]+)"/.exec(start.text)?.[1] ?? '';
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  t.close();
});

test(`${PAIRS} pairs of simultaneous saves to two pages of one draft: no acknowledged save is lost`, async () => {
  const created = await send('POST', '/drafts', form({ party: 'JP', treaties: 'untoc' }));
  expect(created.status).toBe(303);
  const draftUrl = String(created.headers.location);
  const id = draftUrl.split('/').pop()!;

  let lost = 0;
  let acknowledged = 0;
  for (let i = 0; i < PAIRS; i++) {
    const page = await send('GET', `${draftUrl}/signing`, null);
    const revision = /name="_revision" value="(\d+)"/.exec(page.text)?.[1] ?? '';
    expect(revision).not.toBe('');
    const slowFirst = i % 2 === 0;
    const [signing, deposit] = await Promise.all([
      send(
        'POST',
        `${draftUrl}/signing`,
        form({ _revision: revision, place: `Signing ${i}` }),
        slowFirst ? 15 : 0,
      ),
      send(
        'POST',
        `${draftUrl}/deposit`,
        form({ _revision: revision, place: `Deposit ${i}` }),
        slowFirst ? 0 : 15,
      ),
    ]);
    const row = t.store.drafts.get(id);
    const pkg = (
      JSON.parse(row!.data) as { package: { signing: { place: string }; deposit: { place: string } } }
    ).package;
    if (signing.status === 303) {
      acknowledged++;
      if (pkg.signing.place !== `Signing ${i}`) lost++;
    }
    if (deposit.status === 303) {
      acknowledged++;
      if (pkg.deposit.place !== `Deposit ${i}`) lost++;
    }
  }
  expect({ acknowledged, lost }).toEqual({ acknowledged: PAIRS * 2, lost: 0 });
});
