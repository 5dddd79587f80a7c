import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.ts';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { lines, logger: createLogger({ logLevel: 'info' }, stream) };
}

describe('Logs', () => {
  it('name a request by method and route pattern only: no address, query, headers or body', () => {
    const { lines, logger } = capture();
    logger.info({
      req: {
        id: 'req-1',
        method: 'GET',
        url: '/people?email=parent@example.org',
        routeOptions: { url: '/people' },
        headers: { cookie: 'session=abc', authorization: 'Bearer xyz' },
        body: { email: 'parent@example.org' },
        ip: '192.0.2.1',
      },
    });
    expect(lines[0]?.req).toEqual({ id: 'req-1', method: 'GET', route: '/people' });
    const text = JSON.stringify(lines);
    for (const secret of ['parent@example.org', 'session=abc', 'Bearer', '192.0.2.1'])
      expect(text).not.toContain(secret);
  });

  it('blank personal fields that slip into a log entry', () => {
    const { lines, logger } = capture();
    logger.info({ person: { email: 'head@example.org', password: 'hunter2' }, headers: { cookie: 'a=b' } }, 'oops');
    const text = JSON.stringify(lines);
    expect(text).not.toContain('head@example.org');
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('a=b');
  });

  it('keep the type, code and message of an error, but none of its other properties', () => {
    const { lines, logger } = capture();
    const error = Object.assign(new Error('duplicate key'), { code: '23505', detail: 'Key (email)=(x@example.org)' });
    logger.error({ err: error }, 'failed');
    expect(lines[0]?.err).toMatchObject({ type: 'Error', code: '23505', message: 'duplicate key' });
    expect(JSON.stringify(lines)).not.toContain('x@example.org');
  });
});
