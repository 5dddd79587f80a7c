// Running the real `footprint` command in a child process, as an operator would.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const footprintBin = fileURLToPath(new URL('../../bin/footprint.mjs', import.meta.url));

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** The environment a child Footprint sees: ours, minus anything that would point it elsewhere
 * (Vitest itself sets BASE_URL for its bundler). */
export function childEnvironment(env: Record<string, string>): NodeJS.ProcessEnv {
  const {
    DATABASE_URL: _url,
    DATABASE_OWNER_URL: _owner,
    DATA_DIR: _dir,
    PORT: _port,
    BASE_URL: _base,
    ...rest
  } = process.env;
  return { ...rest, NODE_ENV: 'test', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', ...env };
}

/** Runs `footprint …args` to completion, with `input` on its standard input if given. */
export function runFootprint(args: string[], env: Record<string, string> = {}, input?: string): Promise<Finished> {
  const child = spawn(process.execPath, [footprintBin, ...args], { env: childEnvironment(env) });
  const finished = collect(child);
  child.stdin.end(input);
  return finished;
}

function collect(child: ChildProcessWithoutNullStreams): Promise<Finished> {
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

export interface ServerProcess {
  url: string;
  child: ChildProcessWithoutNullStreams;
  /** Sends the signal and waits for the process to end, failing if that takes more than `withinMs`. */
  stop(signal?: NodeJS.Signals, withinMs?: number): Promise<Finished>;
}

/** Starts `footprint start` and resolves once it is listening. */
export function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, [footprintBin, 'start'], { env: childEnvironment(env) });
  const finished = collect(child);
  return new Promise((resolve, reject) => {
    let buffered = '';
    const onData = (chunk: string) => {
      buffered += chunk;
      for (const line of buffered.split('\n').slice(0, -1)) {
        const entry = parseLogLine(line);
        if (entry?.msg === 'Footprint is listening' && typeof entry.url === 'string') {
          child.stdout.off('data', onData);
          resolve({ url: entry.url, child, stop: (signal, withinMs) => stop(child, finished, signal, withinMs) });
        }
      }
      buffered = buffered.slice(buffered.lastIndexOf('\n') + 1);
    };
    child.stdout.on('data', onData);
    void finished.then((result) =>
      reject(new Error(`footprint start ended before listening (exit ${String(result.code)}): ${result.stderr}`)),
    );
  });
}

async function stop(
  child: ChildProcessWithoutNullStreams,
  finished: Promise<Finished>,
  signal: NodeJS.Signals = 'SIGTERM',
  withinMs = 5000,
): Promise<Finished> {
  child.kill(signal);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`footprint did not exit within ${withinMs} ms of ${signal}`));
    }, withinMs);
  });
  try {
    return await Promise.race([finished, late]);
  } finally {
    clearTimeout(timer);
  }
}

function parseLogLine(line: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}
