// The draft as a policy file, for those who prefer to edit it in a text editor and bring it back.
import { stringify } from 'yaml';
import type { Policy } from '../policy/schema.ts';

export function draftToYaml(policy: Policy): string {
  const header = [
    `# ${policy.title}, version ${policy.version} (draft).`,
    '# The file format is described in docs/policy-format.md. Change it, then import it on the',
    '# "Import the draft" page: nothing is saved unless the whole file is correct.',
  ];
  return `${header.join('\n')}\n${stringify(policy, { lineWidth: 100 })}`;
}
