/**
 * The configuration (server/config.ts): TRUST_PROXY and the limit on creating drafts, their defaults,
 * every form they take, and a clear error, naming the variable, for a value Express would refuse later.
 */
import os from 'node:os';
import { readConfig } from '../../server/config';

test('the defaults: no proxy trusted, 30 new drafts per address every 10 minutes', () => {
  const config = readConfig({});
  expect(config.trustProxy).toBe(false);
  expect(config.draftCreateLimit).toEqual({ limit: 30, windowMinutes: 10 });
});

test.each([
  ['false', false],
  ['FALSE', false],
  ['', false],
  ['true', true],
  [' True ', true],
  ['0', 0],
  ['1', 1],
  ['2', 2],
  ['loopback', ['loopback']],
  ['loopback, linklocal, uniquelocal', ['loopback', 'linklocal', 'uniquelocal']],
  ['10.0.0.1', ['10.0.0.1']],
  ['10.0.0.0/8,192.168.1.0/255.255.255.0', ['10.0.0.0/8', '192.168.1.0/255.255.255.0']],
  ['::1, fd00::/8', ['::1', 'fd00::/8']],
])('TRUST_PROXY=%j', (value, expected) => {
  expect(readConfig({ TRUST_PROXY: value }).trustProxy).toEqual(expected);
});

test.each([
  ['a name Express does not know', 'proxy', /TRUST_PROXY: invalid IP address: proxy/],
  ['a subnet too wide', '10.0.0.0/33', /TRUST_PROXY: invalid range on address: 10\.0\.0\.0\/33/],
  ['a bad address in a list', 'loopback, 300.1.1.1', /TRUST_PROXY: invalid IP address: 300\.1\.1\.1/],
  ['an empty entry', 'loopback,,10.0.0.1', /TRUST_PROXY: an empty entry/],
  ['a negative count', '-1', /TRUST_PROXY: invalid IP address: -1/],
  ['yes', 'yes', /TRUST_PROXY: invalid IP address: yes/],
])('TRUST_PROXY with %s stops the start-up with a message', (_label, value, message) => {
  expect(() => readConfig({ TRUST_PROXY: value })).toThrow(message);
  expect(() => readConfig({ TRUST_PROXY: value })).toThrow(/^Invalid configuration: /);
});

test.each([
  [
    { DRAFT_CREATE_LIMIT: '5', DRAFT_CREATE_WINDOW_MINUTES: '1' },
    { limit: 5, windowMinutes: 1 },
  ],
  [{ DRAFT_CREATE_LIMIT: '0' }, { limit: 0, windowMinutes: 10 }],
  [{ DRAFT_CREATE_WINDOW_MINUTES: '1440' }, { limit: 30, windowMinutes: 1440 }],
])('the limit on creating drafts %j', (env, expected) => {
  expect(readConfig(env).draftCreateLimit).toEqual(expected);
});

test.each([
  { DRAFT_CREATE_LIMIT: '-1' },
  { DRAFT_CREATE_LIMIT: 'many' },
  { DRAFT_CREATE_LIMIT: '2.5' },
  { DRAFT_CREATE_WINDOW_MINUTES: '0' },
  { DRAFT_CREATE_WINDOW_MINUTES: '1441' },
])('%j stops the start-up, naming the variable', (env) => {
  expect(() => readConfig(env)).toThrow(new RegExp(`^Invalid configuration: ${Object.keys(env)[0]}: `));
});

test('every bad variable is named at once', () => {
  expect(() => readConfig({ TRUST_PROXY: 'x', DRAFT_CREATE_LIMIT: '-1' })).toThrow(
    /TRUST_PROXY: .*; DRAFT_CREATE_LIMIT: |DRAFT_CREATE_LIMIT: .*; TRUST_PROXY: /,
  );
});

test('the document pool: a worker per core and four waiting per worker by default, or as set', () => {
  const cores = os.availableParallelism();
  expect(readConfig({})).toMatchObject({ documentWorkers: cores, documentQueue: 4 * cores });
  expect(readConfig({ DOCUMENT_WORKERS: '3' })).toMatchObject({ documentWorkers: 3, documentQueue: 12 });
  expect(readConfig({ DOCUMENT_WORKERS: '2', DOCUMENT_QUEUE: '0' })).toMatchObject({
    documentWorkers: 2,
    documentQueue: 0,
  });
  expect(() => readConfig({ DOCUMENT_WORKERS: '0' })).toThrow(/DOCUMENT_WORKERS/);
  expect(() => readConfig({ DOCUMENT_QUEUE: '-1' })).toThrow(/DOCUMENT_QUEUE/);
});

test('PDF: on by default with soffice looked for on PATH, or off, or at SOFFICE_PATH', () => {
  expect(readConfig({ PATH: '/usr/bin:/bin' }).pdf).toEqual({
    enabled: true,
    sofficePath: undefined,
    queue: 8,
    timeoutMs: 60_000,
    searchPath: '/usr/bin:/bin',
  });
  expect(readConfig({ PDF: 'off' }).pdf.enabled).toBe(false);
  expect(
    readConfig({
      SOFFICE_PATH: '/opt/libreoffice/program/soffice',
      PDF_QUEUE: '0',
      PDF_TIMEOUT_SECONDS: '30',
    }).pdf,
  ).toMatchObject({ sofficePath: '/opt/libreoffice/program/soffice', queue: 0, timeoutMs: 30_000 });
  expect(() => readConfig({ PDF: 'maybe' })).toThrow(/PDF/);
  expect(() => readConfig({ PDF_TIMEOUT_SECONDS: '1' })).toThrow(/PDF_TIMEOUT_SECONDS/);
});

describe('CORS_ORIGINS', () => {
  test('none by default', () => {
    expect(readConfig({}).corsOrigins).toEqual([]);
    expect(readConfig({ CORS_ORIGINS: ' ' }).corsOrigins).toEqual([]);
  });

  test('exact origins, separated by commas, once each', () => {
    expect(
      readConfig({ CORS_ORIGINS: 'https://app.example.org, http://localhost:8080,https://app.example.org' })
        .corsOrigins,
    ).toEqual(['https://app.example.org', 'http://localhost:8080']);
  });

  test.each([
    ['a trailing slash', 'https://app.example.org/'],
    ['a path', 'https://app.example.org/api'],
    ['a wildcard', '*'],
    ['a wildcard host', 'https://*.example.org'],
    ['no scheme', 'app.example.org'],
    ['another scheme', 'ftp://app.example.org'],
    ['capitals', 'https://App.example.org'],
    ['the default port written out', 'https://app.example.org:443'],
    ['null', 'null'],
  ])('refuses %s at start-up, naming the variable', (_label, value) => {
    expect(() => readConfig({ CORS_ORIGINS: value })).toThrow(/CORS_ORIGINS: .* is not an origin/);
  });

  test('refuses an empty entry', () => {
    expect(() => readConfig({ CORS_ORIGINS: 'https://a.example,,https://b.example' })).toThrow(
      /CORS_ORIGINS: an empty entry/,
    );
  });
});
