/**
 * What a request got wrong, told apart from faults of ours (server/http/request-errors.ts), with the
 * errors the libraries really raise: body-parser's (express.urlencoded and express.json reading a stream
 * of bytes with the headers given), multer's, the router's for a path that does not decode, and the
 * limiter's; and what is not the request's doing.
 */
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import express, { type NextFunction, type Request, type Response } from 'express';
import multer from 'multer';
import request from 'supertest';
import { RateLimited } from '../../../server/http/limits';
import { requestErrorOf } from '../../../server/http/request-errors';

/** The error a body parser passes on for this body and these headers (null when it reads the body). */
function parserError(
  parser: express.RequestHandler,
  body: string | Buffer,
  headers: Record<string, string>,
): Promise<unknown> {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  const req = Object.assign(Readable.from([bytes]), {
    headers: { 'content-length': String(bytes.length), ...headers },
    method: 'POST',
    url: '/',
  }) as unknown as Request;
  return new Promise((resolve) => parser(req, {} as Response, (err?: unknown) => resolve(err ?? null)));
}

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const JSON_TYPE = { 'content-type': 'application/json' };
const form = express.urlencoded({ extended: false, limit: 1024, parameterLimit: 5 });
const json = express.json({ limit: 1024 });

test.each([
  ['too many fields', form, 'a=1&b=2&c=3&d=4&e=5&f=6', FORM, 'tooManyFields'],
  ['a body over the limit', form, `a=${'x'.repeat(2000)}`, FORM, 'tooLarge'],
  ['a gzip that is not one', form, 'a=1', { ...FORM, 'content-encoding': 'gzip' }, 'unreadableBody'],
  ['a deflate that is not one', form, 'a=1', { ...FORM, 'content-encoding': 'deflate' }, 'unreadableBody'],
  ['a br that is not one', form, 'a=1', { ...FORM, 'content-encoding': 'br' }, 'unreadableBody'],
  ['an unknown encoding', form, 'a=1', { ...FORM, 'content-encoding': 'x-zip' }, 'unsupportedEncoding'],
  [
    'an unknown charset',
    form,
    'a=1',
    { 'content-type': `${FORM['content-type']}; charset=latin-9` },
    'unsupportedEncoding',
  ],
  ['a length that is not the body’s', form, 'a=1', { ...FORM, 'content-length': '10' }, 'unreadableBody'],
  ['JSON that does not parse', json, '{bad', JSON_TYPE, 'malformedBody'],
  [
    'a small gzip of a large body',
    json,
    zlib.gzipSync(`"${' '.repeat(5000)}"`),
    { ...JSON_TYPE, 'content-encoding': 'gzip' },
    'tooLarge',
  ],
] as const)('%s', async (_label, parser, body, headers, kind) => {
  const err = await parserError(parser, body, headers);
  expect(err).not.toBeNull();
  expect(requestErrorOf(err)).toEqual({ kind });
});

test.each([
  ['LIMIT_FILE_SIZE', 'tooLarge'],
  ['LIMIT_FIELD_VALUE', 'tooLarge'],
  ['LIMIT_PART_COUNT', 'tooManyFields'],
  ['LIMIT_FIELD_COUNT', 'tooManyFields'],
  ['LIMIT_FILE_COUNT', 'tooManyFields'],
  ['LIMIT_UNEXPECTED_FILE', 'unreadableBody'],
  ['MISSING_FIELD_NAME', 'unreadableBody'],
] as const)("multer's %s is %s", (code, kind) => {
  expect(requestErrorOf(new multer.MulterError(code))).toEqual({ kind });
});

test('a path parameter that does not decode is an address that does not exist', async () => {
  const app = express();
  let caught: unknown = null;
  app.get('/drafts/:id', (_req, res) => res.end());
  // Express knows an error handler by its four parameters.
  app.use((err: unknown, _req: Request, res: Response, next: NextFunction) => {
    caught = err;
    if (res.headersSent) return next(err);
    res.end();
  });
  await request(app).get('/drafts/%zz');
  expect(caught).toBeInstanceOf(URIError);
  expect(requestErrorOf(caught)).toEqual({ kind: 'notFound' });
});

test('a refusal of the limiter carries when to try again', () => {
  const refusal = new RateLimited(600, new Date('2026-12-01T12:10:00Z'));
  expect(requestErrorOf(refusal)).toEqual({ kind: 'rateLimited', refusal });
});

test.each([
  ['a status 404', { status: 404 }, 'notFound'],
  ['a status 403 (serve-static)', { status: 403 }, 'notFound'],
  ['a status 405', { statusCode: 405 }, 'methodNotAllowed'],
  ['a status 413', { status: 413 }, 'tooLarge'],
  ['a status 415', { status: 415 }, 'unsupportedEncoding'],
  ['any other 4xx', { status: 431 }, 'unreadableBody'],
  ['a type known with no status', { type: 'request.aborted' }, 'unreadableBody'],
] as const)('an error with %s', (_label, fields, kind) => {
  expect(requestErrorOf(Object.assign(new Error('x'), fields))).toEqual({ kind });
});

test.each([
  ['a TypeError', new TypeError('x')],
  ['a 500', Object.assign(new Error('x'), { status: 500 })],
  ['a stream read twice (ours)', Object.assign(new Error('x'), { status: 500, type: 'stream.not.readable' })],
  ['a status that is a string', Object.assign(new Error('x'), { status: '400' })],
  ['a type named like a property of every object', Object.assign(new Error('x'), { type: 'constructor' })],
  ['a string', 'oops'],
  ['null', null],
  ['undefined', undefined],
])('%s is a fault of ours', (_label, err) => {
  expect(requestErrorOf(err)).toBeNull();
});
