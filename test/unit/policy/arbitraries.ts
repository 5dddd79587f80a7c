// Generators of situations for property tests: every one valid under the contract.
import fc from 'fast-check';
import type { Situation } from '../../../src/domain/policy/index.ts';
import {
  accountKinds,
  acts,
  channels,
  contentLabels,
  imageSubjects,
  relationships,
  roles,
  subjects,
  tones,
  visibilities,
} from '../../../src/domain/policy/vocabulary.ts';

const age = fc.integer({ min: 0, max: 120 });
const bool = fc.boolean();
const uniqueOf = <T>(values: readonly T[]) => fc.uniqueArray(fc.constantFrom(...values), { maxLength: values.length });
const platform = fc.oneof(
  fc.constantFrom('facebook', 'LinkedIn', 'x', 'twitter', 'instagram', 'whatsapp'),
  fc.string({ maxLength: 64 }),
);

export const situationArbitrary: fc.Arbitrary<Situation> = fc.record(
  {
    actor: fc.record(
      {
        role: fc.constantFrom(...roles),
        age,
        formerEmployee: bool,
        approved: bool,
        credentialsShared: bool,
        riskAssessed: bool,
      },
      { requiredKeys: ['role'] },
    ),
    act: fc.constantFrom(...acts),
    counterpart: fc.record(
      {
        role: fc.constantFrom(...roles),
        age,
        relationship: fc.constantFrom(...relationships),
        declared: bool,
        approved: bool,
        account: fc.constantFrom(...accountKinds),
      },
      { requiredKeys: ['role'] },
    ),
    content: fc.record(
      {
        about: uniqueOf(subjects),
        images: fc.array(
          fc.record(
            { of: fc.constantFrom(...imageSubjects), consent: bool, schoolEvent: bool },
            { requiredKeys: ['of'] },
          ),
          { maxLength: 3 },
        ),
        namesPupils: bool,
        tone: fc.constantFrom(...tones),
        labels: uniqueOf(contentLabels),
        channel: fc.constantFrom(...channels),
      },
      { requiredKeys: [] },
    ),
    context: fc.record(
      {
        onPremises: bool,
        workingHours: bool,
        inLesson: bool,
        onSchoolDevice: bool,
        onSchoolTrip: bool,
        directedByTeacher: bool,
        emergency: bool,
        outsideSchool: bool,
        platform,
        visibility: fc.constantFrom(...visibilities),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: ['actor', 'act'] },
);

/** Documents that are mostly situations but often break the contract in one place. */
export const nearSituationArbitrary: fc.Arbitrary<unknown> = fc.oneof(
  situationArbitrary,
  situationArbitrary.chain((s) =>
    fc.oneof(
      fc.constant({ ...s, extra: true }),
      fc.constant({ ...s, act: 'shout' }),
      fc.constant({ ...s, actor: { ...s.actor, role: 'teacher' } }),
      fc.constant({ ...s, actor: { ...s.actor, age: 121 } }),
      fc.constant({ ...s, actor: { ...s.actor, age: 12.5 } }),
      fc.constant({ ...s, counterpart: { age: 5 } }),
      fc.constant({ ...s, content: { ...s.content, labels: ['racist', 'racist'] } }),
      fc.constant({ ...s, content: { ...s.content, images: [{ consent: true }] } }),
      fc.constant({ ...s, context: { ...s.context, platform: 'x'.repeat(65) } }),
      fc.constant({ ...s, context: { ...s.context, onPremises: 'yes' } }),
      fc.constant({ act: s.act }),
      fc.constant([s]),
    ),
  ),
);
