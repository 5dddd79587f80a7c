// Before the first test file: the migrated templates that test databases are copied from (see
// backends.ts), built once here rather than by several test processes at the same moment.
import { prepareTemplates } from './backends.ts';

export async function setup(): Promise<void> {
  await prepareTemplates();
}
