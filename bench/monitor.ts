// Classifying mentions against a trust's watch lists: mentions per second on one core for the
// compiled classifier (token trie + lexicon), beside a naive matcher that runs one regular
// expression per watched name on the same stream, in the same run; and the memory the compiled
// watch lists hold. 50 schools of about 300 pupils and 40 staff, names from the demo generator.
// Run with `npm run bench:monitor` (BENCH_SECONDS sets the seconds per measurement).
import { nameGroups } from '../src/domain/demo/names.ts';
import { seededRandom, type Random } from '../src/domain/demo/random.ts';
import { classify, compileWatch, type Mention, type Watch } from '../src/domain/monitoring/index.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 2);
const schoolCount = 50;
const random = seededRandom(20260915);

const places = `Oakfield Larkmead Hollowmere Brackenfold Kestrelbrook Wrenhurst Fernwick Thistlecombe Willowgate
  Heronsford Ashlowe Moorlark Brindlecombe Hartsmere Marlowford Pennyfold Thrushleigh Coldwater Elmbridge Foxhollow
  Greystone Hazelwood Ivybridge Juniper Kingsmead Linden Maplewood Northgate Orchardleigh Primrose Queensbury Rookwood
  Saltmarsh Tanglewood Underhill Valemount Westbury Yewtree Alderbrook Birchfield Castlemere Dovecote Eastfield
  Fairholme Glenmore Highcroft Ironbridge Kilnwood Lowmoor Millbrook`
  .trim()
  .split(/\s+/);
const kinds = ['Primary School', 'Primary Academy', 'C of E Primary School', 'Junior School', 'Infant School'];
const titles = ['Mr', 'Mrs', 'Miss', 'Ms'];

function person(random: Random, adult: boolean): { first: string; last: string } {
  const group = random.weighted(nameGroups.map((g) => [g, g.weight] as const));
  const first = adult
    ? random.pick(random.chance(0.5) ? group.women : group.men)
    : random.pick(random.chance(0.5) ? group.girls : group.boys);
  return { first, last: random.pick(group.surnames) };
}

const watches: Watch[] = places.slice(0, schoolCount).map((place) => {
  const kind = random.pick(kinds);
  return {
    school: {
      names: [`${place} ${kind}`, `${place} ${kind.split(' ')[0]!}`, place],
      handles: [`@${place}${kind.split(' ')[0]!}`],
    },
    pupils: Array.from({ length: random.int(280, 320) }, () => person(random, false)),
    staff: Array.from({ length: random.int(35, 45) }, () => ({ ...person(random, true), title: random.pick(titles) })),
  };
});

// A repeatable stream: posts about a school (with its staff and pupils, praise, complaints, threats),
// posts about roads and places sharing its name, and everyday posts about nothing we watch.
const filler = `the of and to in is it for on with this that was at by be are from have our my we they you just so
  really today tonight morning week weekend kids traffic rain weather lovely busy road town council shop coffee news
  parking queue bus train late again new old big little good bad great nice long short time year day`
  .trim()
  .split(/\s+/);
const phrases = [
  'thank you to all the staff',
  'well done everyone',
  'so proud of the children',
  'absolutely shocking communication',
  'cancelled the trip again with one day notice, useless',
  'I will be waiting for him outside tomorrow',
  'photos from the Christmas disco, all the kids dancing',
  'not happy with the new homework policy',
  'still waiting for a refund, no reply to my emails',
  'parents evening bookings open on Monday',
];
function words(count: number): string {
  return Array.from({ length: count }, () => random.pick(filler)).join(' ');
}
const stream: Mention[] = Array.from({ length: 20_000 }, (_, i) => {
  const watch = random.pick(watches);
  const school = random.pick(watch.school.names);
  const place = watch.school.names[2]!;
  const roll = random.next();
  let text: string;
  if (roll < 0.45) {
    const pupil = random.pick(watch.pupils);
    const staff = random.pick(watch.staff);
    const who = random.chance(0.3)
      ? `${pupil.first} ${pupil.last}`
      : random.chance(0.5)
        ? `${staff.title ?? ''} ${staff.last}`
        : '';
    text = `${words(random.int(2, 8))} ${school} ${who} ${random.pick(phrases)} ${words(random.int(2, 10))}`;
  } else if (roll < 0.6) {
    text = `${words(random.int(3, 8))} ${place} ${random.pick(['Road', 'Lane', 'Park', 'Farm', 'village'])} ${words(random.int(4, 12))}`;
  } else {
    text = `${words(random.int(6, 20))} ${random.pick(phrases)} ${words(random.int(0, 6))}`;
  }
  return { id: `m${i}`, text, source: 'bluesky', hasImage: random.chance(0.1) };
});

/** The peer: one case-insensitive regular expression per watched name or handle, tried in turn. */
function naiveMatcher(watches: readonly Watch[]): { count: number; test: (text: string) => boolean } {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const patterns: RegExp[] = [];
  for (const watch of watches) {
    for (const term of [
      ...watch.school.names,
      ...watch.school.handles,
      ...watch.staff.map((s) => `${s.first} ${s.last}`),
      ...watch.staff.map((s) => `${s.title ?? ''} ${s.last}`),
      ...watch.pupils.map((p) => `${p.first} ${p.last}`),
    ]) {
      patterns.push(new RegExp(`\\b${escape(term)}\\b`, 'i'));
    }
  }
  const test = (text: string) => {
    let found = false;
    for (const pattern of patterns) if (pattern.test(text)) found = true;
    return found;
  };
  return { count: patterns.length, test };
}

function perSecond(work: (mention: Mention) => number): number {
  let sink = 0;
  for (let i = 0; i < 2_000; i++) sink += work(stream[i % stream.length]!);
  let count = 0;
  const started = process.hrtime.bigint();
  const budget = BigInt(Math.round(seconds * 1e9));
  while (process.hrtime.bigint() - started < budget) {
    for (let i = 0; i < 200; i++) sink += work(stream[(count + i) % stream.length]!);
    count += 200;
  }
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  if (sink < 0) console.log(sink);
  return count / elapsed;
}

const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const before = process.memoryUsage().heapUsed;
const compiled = compileWatch(watches);
gc?.();
const after = process.memoryUsage().heapUsed;
const terms = watches.reduce(
  (n, w) => n + w.pupils.length + w.staff.length + w.school.names.length + w.school.handles.length,
  0,
);

console.log(
  `Watch lists: ${schoolCount} schools, ${terms.toLocaleString('en-GB')} names and handles (${watches.reduce((n, w) => n + w.pupils.length, 0).toLocaleString('en-GB')} pupils, ${watches.reduce((n, w) => n + w.staff.length, 0).toLocaleString('en-GB')} staff)`,
);
console.log(
  `Compiled watch lists hold ${((after - before) / 1024 / 1024).toFixed(1)} MiB of heap${gc ? '' : ' (approximate: run with --expose-gc)'}`,
);
const aboutShare = stream.filter((m) => classify(m, compiled).aboutSchool).length / stream.length;
console.log(
  `Stream: ${stream.length.toLocaleString('en-GB')} seeded mentions, ${(aboutShare * 100).toFixed(0)}% about a watched school\n`,
);

const naive = naiveMatcher(watches);
const naiveRate = perSecond((m) => (naive.test(m.text) ? 1 : 0));
const compiledRate = perSecond((m) => classify(m, compiled).labels.length);
const ratio = compiledRate / naiveRate;
const format = (n: number) => Math.round(n).toLocaleString('en-GB').padStart(10);
console.log(`One core, ${seconds} s each:`);
console.log(
  `  naive matcher, one regex per term (${naive.count.toLocaleString('en-GB')} regexes, matching only) ${format(naiveRate)} mentions/s`,
);
console.log(`  compiled classifier (matching and every label)               ${format(compiledRate)} mentions/s`);
console.log(`  compiled ÷ naive: ${ratio.toFixed(1)}×`);
console.log(
  `target: at least 20,000 mentions/s: ${compiledRate >= 20_000 ? 'met' : 'NOT met'}; at least 10× the naive matcher: ${ratio >= 10 ? 'met' : 'NOT met'}`,
);
