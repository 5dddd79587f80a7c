// What the test run has to work with. Locally a missing PostgreSQL or browser skips those tests
// with a printed reason; in CI (CI=true) it is a failure, because skipped tests prove nothing.
import { existsSync } from 'node:fs';

export const inCi = process.env.CI === 'true';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const warned = new Set<string>();

/** Returns true when the resource is there; otherwise fails in CI, or prints why and returns false. */
export function available(what: string, present: boolean, reason: string): boolean {
  if (present) return true;
  if (inCi) throw new Error(`${what} is required in CI: ${reason}`);
  if (!warned.has(what)) {
    warned.add(what);
    console.warn(`Skipping ${what} tests: ${reason}`);
  }
  return false;
}

export function postgresAvailable(): boolean {
  return available('PostgreSQL', Boolean(process.env.TEST_DATABASE_URL), 'TEST_DATABASE_URL is not set');
}

/** A second PostgreSQL role, owning nothing, for Footprint to serve as (the owner migrates). */
export function servingRoleAvailable(): boolean {
  return available(
    'PostgreSQL serving role',
    Boolean(process.env.TEST_DATABASE_SERVING_URL),
    'TEST_DATABASE_SERVING_URL is not set, so PostgreSQL tests serve as the owner of the tables',
  );
}

export function browserAvailable(): boolean {
  return available('browser', existsSync(chromiumPath), `no Chromium at ${chromiumPath}`);
}
