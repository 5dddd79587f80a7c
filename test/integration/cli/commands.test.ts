import { describe, expect, it } from 'vitest';
import { runFootprint } from '../../support/processes.ts';

describe('The footprint command', () => {
  it('lists its commands for help, on standard output', async () => {
    const result = await runFootprint(['help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: footprint <command>');
    for (const command of ['start', 'migrate', 'backup <file>', 'restore <file>']) {
      expect(result.stdout).toContain(`footprint ${command}`);
    }
  });

  it('refuses an unknown command with the usage on standard error and exit code 2', async () => {
    const result = await runFootprint(['frobnicate']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('footprint: unknown command "frobnicate"');
    expect(result.stderr).toContain('Usage: footprint <command>');
  });

  it('shows the usage with exit code 2 when no command is given', async () => {
    const result = await runFootprint([]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Usage: footprint <command>');
  });

  it('stops with one clear line when production settings are missing', async () => {
    const result = await runFootprint(['migrate'], { NODE_ENV: 'production' });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^footprint: Footprint cannot start: SESSION_SECRET is missing in production/);
    expect(result.stderr).toContain('BASE_URL is missing in production');
  });

  it('asks for a file when backup is given none', async () => {
    const result = await runFootprint(['backup']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Usage: footprint backup <file>');
  });
});
