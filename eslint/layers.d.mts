import type { Rule } from 'eslint';

declare const plugin: { meta: { name: string }; rules: { layers: Rule.RuleModule } };
export default plugin;
export declare const layerRules: Record<string, { may: string[]; packagesForbidden?: string[] }>;
