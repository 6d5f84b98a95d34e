/**
 * Requests offered at a steady rate (open loop): one request every 1000/rate ms, each sent at its planned
 * time whatever the earlier ones are doing, on keep-alive connections opened as needed. Each latency is
 * measured from the request's planned time, not from when it could be sent, so that a slow server is not
 * hidden by the generator waiting for it (coordinated omission).
 *
 * autocannon's `overallRate` is not this: each connection sends its share of the second back to back as
 * soon as the second starts, so 150 per second over 50 connections arrives as bursts of 50 at once.
 */
import http from 'node:http';

export interface SteadyResult {
  readonly offered: number;
  readonly durationMs: number;
  /** Latencies of the 2xx answers, in milliseconds, sorted. */
  readonly ok: number[];
  /** Answers by status other than 2xx. */
  readonly refused: ReadonlyMap<number, number>;
  /** Requests that got no answer, by error code. */
  readonly errors: ReadonlyMap<string, number>;
}

export async function steadyRate(options: {
  readonly url: string;
  readonly body: string;
  readonly rate: number;
  readonly seconds: number;
}): Promise<SteadyResult> {
  const target = new URL(options.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const body = Buffer.from(options.body);
  const interval = 1000 / options.rate;
  const count = Math.round(options.rate * options.seconds);
  const ok: number[] = [];
  const refused = new Map<number, number>();
  const errors = new Map<string, number>();

  const send = (planned: number) =>
    new Promise<void>((resolve) => {
      const req = http.request(
        {
          host: target.hostname,
          port: target.port,
          path: target.pathname + target.search,
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', 'content-length': body.length },
        },
        (res) => {
          res.on('data', () => undefined);
          res.on('end', () => {
            const status = res.statusCode ?? 0;
            if (status >= 200 && status < 300) ok.push(performance.now() - planned);
            else refused.set(status, (refused.get(status) ?? 0) + 1);
            resolve();
          });
        },
      );
      req.on('error', (err: NodeJS.ErrnoException) => {
        const code = err.code ?? err.message;
        errors.set(code, (errors.get(code) ?? 0) + 1);
        resolve();
      });
      req.end(body);
    });

  const start = performance.now() + 50;
  const pending: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const planned = start + i * interval;
    const wait = planned - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(send(planned));
  }
  await Promise.all(pending);
  const durationMs = performance.now() - start;
  agent.destroy();
  ok.sort((a, b) => a - b);
  return { offered: count, durationMs, ok, refused, errors };
}
