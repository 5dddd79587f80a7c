// A local HTTP server on 127.0.0.1 that answers with recorded responses from test/data/feeds/,
// so the connectors are tested against the real formats without the network.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { FeedSource, FetchedPost } from '../../../src/services/ports.ts';
import type { FeedReader, FeedReadOptions } from '../../../src/services/ports.ts';
import {
  afterPoll,
  newPosts,
  newSourceHealth,
  type SourceHealth,
} from '../../../src/domain/monitoring/source-health.ts';

export function recorded(name: string): string {
  return readFileSync(join(import.meta.dirname, '..', '..', 'data', 'feeds', name), 'utf8');
}

export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  body?: string;
  /** Send the headers and this much of the body, then nothing more. */
  stallAfter?: string;
  /** Never answer at all. */
  hang?: boolean;
}

export interface Received {
  url: URL;
  headers: IncomingHttpHeaders;
}

export interface RecordedServer {
  origin: string;
  received: Received[];
  /** What to answer at a path (the query is ignored; read it from `received`). */
  answer(path: string, reply: Reply | ((url: URL) => Reply)): void;
  close(): Promise<void>;
}

export async function startRecordedServer(): Promise<RecordedServer> {
  const replies = new Map<string, (url: URL) => Reply>();
  const received: Received[] = [];
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    received.push({ url, headers: request.headers });
    const reply = replies.get(url.pathname)?.(url) ?? { status: 404, body: 'Not Found' };
    if (reply.hang) return;
    response.writeHead(reply.status ?? 200, reply.headers ?? {});
    if (reply.stallAfter !== undefined) {
      response.write(reply.stallAfter);
      return;
    }
    response.end(reply.body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    received,
    answer(path, reply) {
      replies.set(path, typeof reply === 'function' ? reply : () => reply);
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

/**
 * What a background job will do with a source: read it from its cursor, keep the posts not seen
 * before, and move the cursor only when the read succeeded. Stands in for the mentions store.
 */
export interface Watch {
  health: SourceHealth;
  stored: FetchedPost[];
  poll(): Promise<Awaited<ReturnType<FeedReader['read']>>>;
}

export function watch(reader: FeedReader, source: FeedSource, options: FeedReadOptions): Watch {
  const state: Watch = {
    health: newSourceHealth(options.now),
    stored: [],
    async poll() {
      const read = await reader.read(source, state.health.cursor, options);
      if (read.ok) {
        const seen = new Set(state.stored.map((post) => post.externalId));
        state.stored.push(...newPosts(seen, read.posts));
      }
      state.health = afterPoll(state.health, read, options.now, 0.5);
      return read;
    },
  };
  return state;
}
