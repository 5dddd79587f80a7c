// Where schools' policies on one topic differ, in plain words: "wingate advises against (should not)
// where bledington forbids (must not)", "age limit 16 in wingate, 18 in westacre".
import type { PolicyPosition, RuleOnTopic } from '../compare.ts';
import { roles, type Modality } from '../vocabulary.ts';
import { actionWords, modalityStance, rolePlural } from './vocabulary-words.ts';
import { joinWords } from './words.ts';

export function describeDifferences(positions: readonly PolicyPosition[]): string[] {
  const speaking = positions.filter((p) => !p.silent);
  const silent = positions.filter((p) => p.silent).map((p) => p.slug);
  const differences = [
    ...stanceDifferences(speaking),
    ...audienceDifferences(speaking),
    ...ageDifferences(speaking),
    ...onlySome(
      speaking,
      (p) => (p.rules.some((r) => r.exceptions.length > 0) ? ['exceptions'] : []),
      (slugs) =>
        slugs.length === 1 ? `only ${slugs[0]} makes exceptions` : `only ${joinWords(slugs)} make exceptions`,
    ),
    ...onlySome(
      speaking,
      requirementsOf,
      (slugs, wordings) =>
        `only ${joinWords(slugs)} ${slugs.length === 1 ? 'requires' : 'require'} that ${joinWords(wordings)}`,
    ),
    ...onlySome(
      speaking,
      (p) => p.followUp.map((f) => actionWords[f.action]),
      (slugs, actions) => `only ${joinWords(slugs)} ${slugs.length === 1 ? 'says' : 'say'} to ${joinWords(actions)}`,
    ),
  ];
  if (silent.length > 0) differences.push(`silent in ${joinWords(silent)}`);
  return differences;
}

const requirementsOf = (p: PolicyPosition) =>
  p.rules.flatMap((r) => [...r.requirements, ...r.exceptions.flatMap((e) => e.requirements)]);

const strength: Readonly<Record<Modality, number>> = { must: 3, must_not: 3, should: 2, should_not: 2, may: 1 };

/** What a policy mainly does on the topic: its strongest prohibition, else its strongest demand, else a permission. */
function stance(rules: readonly RuleOnTopic[]): Modality | undefined {
  const prohibitions = rules.filter((r) => r.modality === 'must_not' || r.modality === 'should_not');
  const demands = rules.filter((r) => r.modality === 'must' || r.modality === 'should');
  const pool = prohibitions.length > 0 ? prohibitions : demands.length > 0 ? demands : rules;
  return pool.map((r) => r.modality).sort((a, b) => strength[b] - strength[a])[0];
}

/** Compared role by role, so a rule for staff is set against another school's rule for staff. */
function stanceDifferences(speaking: readonly PolicyPosition[]): string[] {
  const byRole = new Map<string, string[]>();
  for (const role of roles) {
    const stances = speaking.flatMap((p) => {
      const s = stance(p.rules.filter((r) => r.audience.includes(role)));
      return s ? [{ slug: p.slug, stance: s }] : [];
    });
    // "Must" and "must not" bind alike; the difference worth telling is in how strongly a school speaks.
    const levels = [...new Set(stances.map((s) => strength[s.stance]))];
    if (stances.length < 2 || levels.length < 2) continue;
    const groups = levels.map((level) => {
      const kinds = [...new Set(stances.filter((s) => strength[s.stance] === level).map((s) => s.stance))];
      return joinWords(
        kinds.map((k) => {
          const slugs = stances.filter((s) => s.stance === k).map((s) => s.slug);
          return `${joinWords(slugs)} ${slugs.length === 1 ? modalityStance[k].one : modalityStance[k].many}`;
        }),
      );
    });
    const message = groups.length === 2 ? groups.join(' where ') : groups.join('; ');
    byRole.set(message, [...(byRole.get(message) ?? []), rolePlural[role]]);
  }
  if (byRole.size <= 1) return [...byRole.keys()];
  return [...byRole].map(([message, who]) => `for ${joinWords(who)}: ${message}`);
}

function audienceDifferences(speaking: readonly PolicyPosition[]): string[] {
  return onlySome(
    speaking,
    (p) => roles.filter((role) => p.rules.some((r) => r.audience.includes(role))).map((role) => rolePlural[role]),
    (slugs, who) => `rules for ${joinWords(who)} only in ${joinWords(slugs)}`,
  );
}

function ageDifferences(speaking: readonly PolicyPosition[]): string[] {
  const people = [...new Set(speaking.flatMap((p) => p.rules.flatMap((r) => r.ageLimits.map((a) => a.person))))];
  return people.flatMap((person) => {
    const limits = speaking.map((p) => {
      const ages = [
        ...new Set(p.rules.flatMap((r) => r.ageLimits.filter((a) => a.person === person).map((a) => a.age))),
      ];
      return { slug: p.slug, ages: ages.sort((a, b) => a - b).join(' and ') || 'none' };
    });
    if (new Set(limits.map((l) => l.ages)).size < 2) return [];
    const label =
      people.length > 1
        ? `age limit for ${person === 'actor' ? 'the person acting' : 'the other person'}`
        : 'age limit';
    const values = [...new Set(limits.map((l) => l.ages))]
      .sort((a, b) => Number(a === 'none') - Number(b === 'none'))
      .map((ages) => {
        const slugs = limits.filter((l) => l.ages === ages).map((l) => l.slug);
        return `${ages} in ${joinWords(slugs)}`;
      });
    return [`${label} ${values.join(', ')}`];
  });
}

/**
 * Things some policies have and the others lack, grouped by which policies have them:
 * `say(["bledington"], ["tell the Headteacher", …])`.
 */
function onlySome(
  speaking: readonly PolicyPosition[],
  things: (p: PolicyPosition) => string[],
  say: (slugs: string[], things: string[]) => string,
): string[] {
  if (speaking.length < 2) return [];
  const holders = new Map<string, string[]>();
  for (const p of speaking) {
    for (const thing of new Set(things(p))) holders.set(thing, [...(holders.get(thing) ?? []), p.slug]);
  }
  const byHolders = new Map<string, { slugs: string[]; things: string[] }>();
  for (const [thing, slugs] of holders) {
    if (slugs.length === speaking.length) continue;
    const key = slugs.join(' ');
    const group = byHolders.get(key) ?? { slugs, things: [] };
    group.things.push(thing);
    byHolders.set(key, group);
  }
  return [...byHolders.values()].map((g) => say(g.slugs, g.things));
}
