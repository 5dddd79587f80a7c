// The way through "Check the policy": which questions each act asks, answers read from a query
// string, and the situation they become. Every path the journey allows must give a valid situation.
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  answerQuestion,
  answersQuery,
  firstUnanswered,
  questionsFor,
  readAnswers,
  situationOf,
} from '../../../src/domain/check/journey.ts';
import { type Answers, noneValue, questions, roleFromAccessRoles } from '../../../src/domain/check/questions.ts';
import type { FieldPath } from '../../../src/domain/policy/field-kinds.ts';
import { capitalise } from '../../../src/domain/policy/render/words.ts';
import { situationSchema } from '../../../src/domain/policy/situation.ts';
import { situationFields } from '../../../src/domain/policy/situation-fields.ts';
import { acts } from '../../../src/domain/policy/vocabulary.ts';

const contract = JSON.parse(
  readFileSync(new URL('../../../docs/contract/situation.schema.json', import.meta.url), 'utf8'),
) as object;
const contractAccepts = new Ajv2020({ allErrors: true }).compile(contract);

const keysAsked = (answers: Record<string, string[]>) => questionsFor(answers).map((q) => q.key);

describe('the questions an act makes relevant', () => {
  it('asks only who and what before the act is known', () => {
    expect(keysAsked({})).toEqual(['role', 'act']);
  });

  it('asks about photos, what it says and where it goes for a post', () => {
    expect(keysAsked({ role: ['parent'], act: ['post'] })).toEqual([
      'role',
      'act',
      'images',
      'about',
      'content',
      'channel',
      'visibility',
      'where',
    ]);
    expect(keysAsked({ role: ['parent'], act: ['post'], images: ['other_pupils'] })).toContain('consent');
    expect(keysAsked({ role: ['parent'], act: ['post'], images: ['own_child'] })).not.toContain('consent');
    expect(keysAsked({ role: ['parent'], act: ['post'], images: ['own_child'] })).toContain('event');
    expect(keysAsked({ role: ['parent'], act: ['post'], images: [noneValue] })).not.toContain('event');
  });

  it('asks who the other person is for a friend request, with their age only for a pupil or former pupil', () => {
    const base = { role: ['staff'], act: ['friend_request_accept'] };
    expect(keysAsked(base)).toEqual(['role', 'act', 'with']);
    expect(keysAsked({ ...base, with: ['pupil'] })).toEqual(['role', 'act', 'with', 'age', 'relationship']);
    expect(keysAsked({ ...base, with: ['parent'] })).toEqual(['role', 'act', 'with', 'relationship']);
    expect(keysAsked({ ...base, with: ['parent'], relationship: ['friend'] })).toContain('declared');
    expect(keysAsked({ role: ['parent'], act: ['message'], with: ['staff'], relationship: ['friend'] })).not.toContain(
      'declared',
    );
  });

  it('asks about approval, login details and a risk assessment for a new school account', () => {
    expect(keysAsked({ role: ['staff'], act: ['create_account'] })).toEqual([
      'role',
      'act',
      'platform',
      'approved',
      'credentials',
      'assessed',
    ]);
  });

  it('asks a pupil registering on a site how old they are, and no one else', () => {
    expect(keysAsked({ role: ['pupil'], act: ['register_account'] })).toContain('your-age');
    expect(keysAsked({ role: ['parent'], act: ['register_account'] })).not.toContain('your-age');
  });

  it('asks nothing more about supporting extremism', () => {
    expect(keysAsked({ role: ['visitor'], act: ['support_extremism'] })).toEqual(['role', 'act']);
  });

  it('offers every act of the vocabulary, each in plain words', () => {
    const act = questions.find((q) => q.key === 'act')!;
    if (act.kind === 'number') throw new Error('the act is a choice');
    const options = act.options({});
    expect(options.map((o) => o.value)).toEqual([...acts]);
    for (const option of options) expect(option.text).toMatch(/^[A-Z][a-z ,']+$/);
  });

  it('offers a parent their own child and other people’s children, and staff pupils', () => {
    const images = questions.find((q) => q.key === 'images')!;
    if (images.kind === 'number') throw new Error('photos are a choice');
    expect(images.options({ role: ['parent'] }).map((o) => o.value)).toEqual(['own_child', 'other_pupils', 'staff']);
    expect(images.options({ role: ['staff'] }).map((o) => o.value)).toEqual(['pupils', 'staff']);
  });

  it('says each circumstance in the words of the table of situation fields', () => {
    const where = questions.find((q) => q.key === 'where')!;
    if (where.kind === 'number') throw new Error('the circumstances are a choice');
    const options = where.options({ role: ['staff'] });
    expect(options.length).toBeGreaterThan(4);
    for (const option of options) {
      const field = situationFields[`context.${option.value}` as FieldPath];
      expect(field.kind === 'yes_no' && capitalise(field.words.yes)).toBe(option.text);
    }
  });
});

describe('reading and checking answers', () => {
  it('keeps only answers that are valid and still asked', () => {
    expect(
      readAnswers({ role: 'parent', act: 'post', with: 'pupil', images: ['own_child', 'nonsense'], extra: 'x' }),
    ).toEqual({ role: ['parent'], act: ['post'] });
    expect(readAnswers({ role: 'staff', act: 'post', images: ['own_child'] })).toEqual({
      role: ['staff'],
      act: ['post'],
    });
    expect(readAnswers({ role: 'school' })).toEqual({});
  });

  it('says what to choose when nothing is chosen, and what is wrong with a list or a number', () => {
    const [role] = questions;
    expect(answerQuestion(role!, {}, {})).toEqual({ error: 'Select who you are' });
    const images = questions.find((q) => q.key === 'images')!;
    const before: Answers = { role: ['parent'], act: ['post'] };
    expect(answerQuestion(images, { images: ['own_child', noneValue] }, before)).toEqual({
      error: 'Select no photos or videos of people on its own, or choose from the list',
    });
    const age = questions.find((q) => q.key === 'age')!;
    const asked: Answers = { role: ['staff'], act: ['follow'], with: ['former_pupil'] };
    expect(answerQuestion(age, { age: 'seventeen' }, asked)).toEqual({
      error: 'Enter their age as a whole number of years, from 0 to 120',
    });
    expect(answerQuestion(age, { age: ' 17 ' }, asked)).toEqual({ answers: { ...asked, age: ['17'] } });
  });

  it('drops what a changed answer made irrelevant', () => {
    const answers = readAnswers({ role: 'parent', act: 'post', images: 'other_pupils', consent: 'no' });
    const act = questions.find((q) => q.key === 'act')!;
    const result = answerQuestion(act, { act: 'follow' }, answers);
    expect(result).toEqual({ answers: { role: ['parent'], act: ['follow'] } });
  });

  it('writes the answers back as a query string that reads the same', () => {
    const answers = readAnswers({ role: 'parent', act: 'post', images: ['own_child', 'other_pupils'] });
    const query = answersQuery(answers, { change: '1' });
    expect(query).toBe('?role=parent&act=post&images=own_child&images=other_pupils&change=1');
    const params = new URLSearchParams(query);
    expect(readAnswers({ role: params.get('role'), act: params.get('act'), images: params.getAll('images') })).toEqual(
      answers,
    );
  });

  it('fills in who a signed-in person is from their roles', () => {
    expect(roleFromAccessRoles(['staff', 'parent'])).toBe('staff');
    expect(roleFromAccessRoles(['school_admin', 'staff'])).toBe('staff');
    expect(roleFromAccessRoles(['chair_of_governors', 'governor'])).toBe('governor');
    expect(roleFromAccessRoles(['parent'])).toBe('parent');
    expect(roleFromAccessRoles([])).toBeUndefined();
  });
});

describe('the situation the answers describe', () => {
  it('describes the nativity photos a parent wants to post', () => {
    const answers = readAnswers({
      role: 'parent',
      act: 'post',
      images: ['own_child', 'other_pupils'],
      consent: 'no',
      event: 'yes',
      about: noneValue,
      content: ['complaint', 'negative'],
      channel: 'personal',
      visibility: 'public',
      where: ['onPremises'],
    });
    expect(situationOf(answers)).toEqual({
      actor: { role: 'parent' },
      act: 'post',
      content: {
        about: [],
        images: [
          { of: 'own_child', schoolEvent: true },
          { of: 'other_pupils', consent: false, schoolEvent: true },
        ],
        namesPupils: false,
        tone: 'negative',
        labels: ['complaint'],
        channel: 'personal',
      },
      context: { onPremises: true, onSchoolTrip: false, emergency: false, visibility: 'public' },
    });
  });

  it('describes a teacher asked to accept a pupil’s friend request', () => {
    const answers = readAnswers({
      role: 'staff',
      act: 'friend_request_accept',
      with: 'pupil',
      age: '10',
      relationship: 'family',
      declared: 'declared',
    });
    expect(situationOf(answers)).toEqual({
      actor: { role: 'staff' },
      act: 'friend_request_accept',
      counterpart: { role: 'pupil', age: 10, relationship: 'family', declared: true, approved: false },
    });
  });

  it('has no situation while a question is unanswered', () => {
    expect(situationOf(readAnswers({ role: 'parent', act: 'post' }))).toBeUndefined();
  });

  /** A walk through the journey, each choice taken from the numbers given. */
  const walk = (choices: number[], ages: number[]): Answers => {
    let answers: Answers = {};
    for (let step = 0; step < 40; step++) {
      const question = firstUnanswered(answers);
      if (!question) return answers;
      const pick = choices[step % choices.length]!;
      let values: string[];
      if (question.kind === 'number') values = [String(ages[step % ages.length])];
      else {
        const options = question.options(answers).map((o) => o.value);
        if (question.kind === 'radios') values = [options[pick % options.length]!];
        else {
          const chosen = options.filter((_, i) => (pick >> i) & 1);
          values = chosen.length === 0 ? [noneValue] : chosen;
        }
      }
      const result = answerQuestion(question, { [question.key]: values }, answers);
      if (!('answers' in result)) throw new Error(`${question.key}: ${result.error}`);
      answers = result.answers;
    }
    throw new Error('the journey did not end');
  };

  it('is a valid situation, by our schema and the contract’s, for every path the journey allows', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 1 << 16 }), { minLength: 1, maxLength: 20 }),
        fc.array(fc.integer({ min: 0, max: 120 }), { minLength: 1, maxLength: 3 }),
        (choices, ages) => {
          const answers = walk(choices, ages);
          const situation = situationOf(answers);
          expect(situation).toBeDefined();
          expect(situationSchema.safeParse(situation).success).toBe(true);
          expect(contractAccepts(situation)).toBe(true);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('reaches every role and every act', () => {
    const seen = new Set<string>();
    for (let role = 0; role < 12; role++)
      for (let act = 0; act < acts.length; act++) {
        const situation = situationOf(walk([role, act, 1, 2, 3], [17]))!;
        seen.add(`${situation.actor.role} ${situation.act}`);
      }
    expect(seen.size).toBe(12 * acts.length);
  });
});
