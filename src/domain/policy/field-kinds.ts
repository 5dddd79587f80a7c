// The kinds of fact a situation states, and what a policy needs of each: the values it can take
// and the words for it. The types follow the situation schema, so a field the table leaves out,
// or gives the wrong kind, does not compile. The table itself is in situation-fields.ts.
import type { Image, Situation } from './situation.ts';

type Scalar = string | number | boolean;

/** Every fact a situation can state, by where it sits in one: "act", "counterpart.age". */
export type FieldPath = {
  [K in keyof Situation]-?: NonNullable<Situation[K]> extends Scalar | readonly unknown[]
    ? K
    : `${K}.${Extract<keyof NonNullable<Situation[K]>, string>}`;
}[keyof Situation];

type Group<G extends keyof Situation> = NonNullable<Situation[G]>;

/** What a situation says for the field, when it says anything. */
export type FieldValue<P extends FieldPath> = P extends `${infer G extends keyof Situation}.${infer F}`
  ? NonNullable<Group<G>[F & keyof Group<G>]>
  : NonNullable<Situation[P & keyof Situation]>;

/** The words for a field whose values are named: how each reads, and how a list of them is put. */
export interface ListWords<V extends string = string> {
  name(value: V): string;
  /** What the list of names becomes, when the names alone do not say it: "about pupils or staff". */
  frame?(list: string): string;
  negated(list: string): string;
  /** Names that each begin "a" keep only the first: "a pupil or former pupil". */
  shareArticle?: true;
}

interface Common {
  /** The field as the school speaks of it: "the other person's age", "how they are related". */
  label: string;
  /** Said straight after the person it describes, as in "a former pupil under 16". */
  ofPerson?: true;
}

export interface YesNoField extends Common {
  kind: 'yes_no';
  /** Said when it holds and when it does not: "in an emergency", "when there is no emergency". */
  words: { yes: string; no: string };
}

export interface NumberField extends Common {
  kind: 'number';
}

export interface TextField extends Common {
  kind: 'text';
  words: ListWords;
}

export interface ImagesField extends Common {
  kind: 'images';
}

export interface ChoiceField<V extends string = string> extends Common {
  kind: 'choice';
  values: readonly V[];
  words: ListWords<V>;
  /** A role: a rule for staff speaks to the Headteacher and the DSL too. */
  roleLike?: true;
  /** What the field is taken to be when the situation does not say. */
  assumed?: V;
}

export interface ChoicesField<V extends string = string> extends Common {
  kind: 'choices';
  values: readonly V[];
  words: ListWords<V>;
}

export type Field = YesNoField | NumberField | TextField | ImagesField | ChoiceField | ChoicesField;

// Tuples stop a boolean from splitting into true and false.
type FieldFor<V> = [V] extends [boolean]
  ? YesNoField
  : [V] extends [number]
    ? NumberField
    : [V] extends [readonly Image[]]
      ? ImagesField
      : [V] extends [readonly (infer E extends string)[]]
        ? ChoicesField<E>
        : [V] extends [string]
          ? string extends V
            ? TextField
            : ChoiceField<V>
          : never;

export type SituationFields = { readonly [P in FieldPath]: FieldFor<FieldValue<P>> };
export type ImageFields = { readonly [K in keyof Image]-?: FieldFor<NonNullable<Image[K]>> };
