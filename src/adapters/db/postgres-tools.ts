// Runs PostgreSQL's own client tools (pg_dump, pg_restore) against DATABASE_URL.
// The password goes in the environment, never on the command line where `ps` would show it.
import { spawn } from 'node:child_process';
import { AppError, type ErrorCode } from '../../errors.ts';

export async function runPostgresTool(
  tool: 'pg_dump' | 'pg_restore',
  url: string,
  args: string[],
  failure: ErrorCode,
): Promise<void> {
  const address = new URL(url);
  const password = decodeURIComponent(address.password);
  address.password = '';
  // Row-level security would hide every school's rows from the tools: a backup and a restore
  // are the whole database, so they look across schools (see school-scope.ts).
  const env = {
    ...process.env,
    ...(password ? { PGPASSWORD: password } : {}),
    PGOPTIONS: `${process.env.PGOPTIONS ?? ''} -c footprint.all_schools=on`.trim(),
  };

  const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
    const rowSecurity = tool === 'pg_dump' ? ['--enable-row-security'] : [];
    const child = spawn(tool, [...args, ...rowSecurity, `--dbname=${address.href}`], {
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') {
        reject(
          new AppError(
            failure,
            `${tool} was not found. Install the PostgreSQL client tools of the same major version as the server (on Debian: apt-get install postgresql-client), then try again.`,
          ),
        );
      } else reject(error);
    });
    child.on('close', (exitCode) => resolve({ code: exitCode, stderr }));
  });
  if (code !== 0) {
    const reason = stderr.trim().split('\n').slice(-3).join(' ');
    throw new AppError(failure, `${tool} failed: ${reason || `exit code ${String(code)}`}`);
  }
}
