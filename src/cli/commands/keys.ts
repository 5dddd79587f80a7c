// `footprint keys rotate`: moves every sealed secret to a new master key. The new key comes from
// the environment (NEW_SECRETS_KEY), never from the command line, where anyone on the machine
// could read it in the process list. Exit 0 when every record opens with the new key, 1 when the
// rotation failed (and nothing was changed), 2 for wrong arguments or a missing or malformed key.
import { parseArgs } from 'node:util';
import { createLogger } from '../../log.ts';
import { createKeyService, RotationFailedError } from '../../services/keys.ts';
import { createAdapters } from '../../wiring.ts';
import { configFromEnvironment, runSafely, wrongArguments } from '../run-safely.ts';

export const summary =
  'Seal every secret under a new master key, given as NEW_SECRETS_KEY (32 bytes in base64), then switch SECRETS_KEY';
export const usage = 'NEW_SECRETS_KEY=… footprint keys rotate';

const keyBytes = 32;

export function run(argv: string[]): Promise<number> {
  let positionals: string[];
  try {
    ({ positionals } = parseArgs({ args: argv, options: {}, allowPositionals: true, strict: true }));
  } catch (error) {
    return Promise.resolve(wrongArguments(usage, (error as Error).message));
  }
  const [verb, ...extra] = positionals;
  if (verb !== 'rotate') return Promise.resolve(wrongArguments(usage, 'say `keys rotate`'));
  if (extra.length > 0) {
    return Promise.resolve(
      wrongArguments(usage, 'give the new key as NEW_SECRETS_KEY in the environment, not on the command line'),
    );
  }
  const text = process.env.NEW_SECRETS_KEY?.trim() ?? '';
  if (!text)
    return Promise.resolve(wrongArguments(usage, 'set NEW_SECRETS_KEY to the new key (openssl rand -base64 32)'));
  const newKey = Buffer.from(text, 'base64');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text) || newKey.length !== keyBytes) {
    return Promise.resolve(wrongArguments(usage, `NEW_SECRETS_KEY must be ${keyBytes} bytes in base64`));
  }

  return runSafely(async () => {
    const config = configFromEnvironment();
    const adapters = await createAdapters(config, createLogger(config));
    try {
      await adapters.migrate();
      const report = await createKeyService(adapters).rotate(newKey);
      process.stdout.write(
        [
          'Every sealed secret is now sealed under the new master key, and each one opens with it:',
          `  escrowed logins of official accounts: ${report.escrowedLogins}`,
          `  authenticator app keys: ${report.authenticatorKeys}`,
          `  single sign-on client secrets: ${report.signOnSecrets}`,
          'Now stop Footprint, set SECRETS_KEY to the new key (or write it to DATA_DIR/secrets.key when',
          'SECRETS_KEY is unset), and start it again. The old key no longer opens anything.',
          '',
        ].join('\n'),
      );
      return 0;
    } catch (error) {
      if (error instanceof RotationFailedError) {
        process.stderr.write(`footprint: ${error.message}\n`);
        return 1;
      }
      throw error;
    } finally {
      await adapters.close();
      newKey.fill(0);
    }
  });
}
