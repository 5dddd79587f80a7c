// Shared by the benchmarks: a bare Fastify peer to compare with, the real Footprint app
// started in-process, and one autocannon run turned into the two figures we report.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { totpCode } from '../src/adapters/crypto/totp.ts';
import Fastify from 'fastify';
import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/log.ts';
import { buildApp } from '../src/web/app.ts';
import { createAdapters, createServices } from '../src/wiring.ts';

export interface RunningServer {
  /** Base address, e.g. http://127.0.0.1:41234 */
  url: string;
  close(): Promise<void>;
}

export interface Measurement {
  requestsPerSecond: number;
  /** 99th percentile latency, in milliseconds. */
  p99: number;
}

export interface LoadOptions {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** Seconds of measured load (default: BENCH_SECONDS or 10). */
  seconds?: number;
  connections?: number;
}

export const defaultSeconds = Number(process.env.BENCH_SECONDS ?? 10);

/** The peer: bare Fastify on loopback, answering a trivial route (GET / and POST / → small JSON). */
export async function startBaselineServer(): Promise<RunningServer> {
  const app = Fastify({ logger: false });
  app.get('/', () => ({ ok: true }));
  app.post('/', () => ({ ok: true }));
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { url, close: () => app.close() };
}

/** The real Footprint app (all its plugins) on a fresh embedded database, on loopback. */
/** Footprint on a fresh embedded database; `prepare` writes what the benchmark reads before it serves. */
export async function startFootprintServer(
  prepare?: (adapters: Awaited<ReturnType<typeof createAdapters>>) => Promise<void>,
): Promise<RunningServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'footprint-bench-'));
  // The rate limit stays in the chain, set high enough not to turn the load into 429s.
  const config = loadConfig({
    NODE_ENV: 'production',
    SESSION_SECRET: 'b'.repeat(48),
    BASE_URL: 'http://127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    RATE_LIMIT_PER_MINUTE: String(1e9),
    SECRETS_KEY: Buffer.alloc(32, 7).toString('base64'),
    // Nothing is sent while benchmarking; production only insists that mail is configured.
    SMTP_URL: 'smtp://127.0.0.1:2525',
    MAIL_FROM: 'Footprint <footprint@bench.example>',
  });
  const adapters = await createAdapters(config, createLogger(config));
  await adapters.migrate();
  if (prepare) await prepare(adapters);
  const app = await buildApp(createServices(adapters), { config });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url,
    async close() {
      await app.close();
      await adapters.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Warms up for two seconds, then measures; refuses a run in which any response was not 2xx. */
export async function measure(options: LoadOptions): Promise<Measurement> {
  const request = {
    url: options.url,
    method: options.method ?? 'GET',
    headers: options.headers,
    body: options.body,
    connections: options.connections ?? 10,
    // The load comes from a worker thread, so that it does not share an event loop with the servers.
    workers: 1,
  };
  await autocannon({ ...request, duration: 2 });
  const result = await autocannon({ ...request, duration: options.seconds ?? defaultSeconds });
  const failed = result.non2xx + result.errors + result.timeouts;
  if (failed > 0) throw new Error(`${failed} of ${result.requests.total} requests to ${options.url} failed`);
  return { requestsPerSecond: result.requests.average, p99: result.latency.p99 };
}

/** Prints each measurement and, for each after the first, its ratios to the first (the peer). */
export function printComparison(rows: readonly { name: string; measurement: Measurement }[]): void {
  const [peer, ...others] = rows;
  if (!peer) return;
  const width = Math.max(...rows.map((row) => row.name.length));
  for (const { name, measurement } of rows) {
    const throughput = measurement.requestsPerSecond.toFixed(0).padStart(7);
    console.log(`${name.padEnd(width)}  ${throughput} requests/s   p99 ${measurement.p99.toFixed(1).padStart(6)} ms`);
  }
  for (const { name, measurement } of others) {
    const throughput = measurement.requestsPerSecond / peer.measurement.requestsPerSecond;
    // autocannon measures latency in whole milliseconds: a p99 of 0 means under 1 ms.
    const latency =
      peer.measurement.p99 > 0
        ? `${(measurement.p99 / peer.measurement.p99).toFixed(2)}× the p99`
        : `p99 ${measurement.p99.toFixed(1)} ms against under 1 ms`;
    console.log(`${name} ÷ ${peer.name}: ${throughput.toFixed(2)}× the requests/s, ${latency}`);
  }
}

/** A signed-in browser's cookies, as one header, after the password and the authenticator code. */
export async function signInOverHttp(base: string, email: string, password: string, totpKey: string): Promise<string> {
  const jar = new Map<string, string>();
  let csrfToken = '';
  const cookie = () => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
  async function visit(path: string, form?: Record<string, string>): Promise<Response> {
    const response = await fetch(`${base}${path}`, {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: { cookie: cookie(), ...(form && { 'content-type': 'application/x-www-form-urlencoded' }) },
      ...(form && { body: new URLSearchParams({ ...form, _csrf: csrfToken }).toString() }),
    });
    for (const set of response.headers.getSetCookie()) {
      const [pair = ''] = set.split(';');
      const at = pair.indexOf('=');
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
    csrfToken = /name="_csrf" value="([^"]+)"/.exec(await response.text())?.[1] ?? csrfToken;
    return response;
  }
  await visit('/sign-in');
  await visit('/sign-in', { email, password });
  await visit('/sign-in/code');
  const signedIn = await visit('/sign-in/code', { code: totpCode(totpKey, new Date()) });
  if (signedIn.headers.get('location') !== '/home') throw new Error('The bench could not sign in');
  return cookie();
}
