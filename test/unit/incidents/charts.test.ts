import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import nunjucks from 'nunjucks';
import { describe, expect, it } from 'vitest';
import { barChartSvg, escapeXml, wrapLabel, type Bar } from '../../../src/domain/incidents/charts.ts';

interface Element {
  name: string;
  attributes: Map<string, string>;
  children: Element[];
  text: string;
}

const entity = /&(?:amp|lt|gt|quot|apos);/g;
const decode = (text: string) =>
  text.replace(entity, (e) => ({ '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" })[e] ?? e);

/** Checks that text is a well-formed tree of elements with only known entities, and returns it. */
function parseXml(xml: string): Element {
  const root: Element = { name: '#document', attributes: new Map(), children: [], text: '' };
  const stack: Element[] = [root];
  const tag = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[A-Za-z][\w:-]*="[^"<]*")*)\s*(\/?)>/y;
  let at = 0;
  while (at < xml.length) {
    const next = xml.indexOf('<', at);
    const text = xml.slice(at, next === -1 ? xml.length : next);
    if (/&(?!(?:amp|lt|gt|quot|apos);)|>/.test(text)) throw new Error(`bare & or > in text: ${text}`);
    const top = stack.at(-1);
    if (!top) throw new Error('no open element');
    if (text.trim() !== '' && top === root) throw new Error('text outside the root element');
    top.text += decode(text);
    if (next === -1) break;
    tag.lastIndex = next;
    const match = tag.exec(xml);
    if (!match) throw new Error(`malformed tag at ${next}: ${xml.slice(next, next + 40)}`);
    const [whole, closing, name = '', attributeText = '', selfClosing] = match;
    at = next + whole.length;
    if (closing) {
      if (stack.pop()?.name !== name || stack.length === 0) throw new Error(`</${name}> closes the wrong element`);
      continue;
    }
    const attributes = new Map<string, string>();
    for (const [, key = '', value = ''] of attributeText.matchAll(/([A-Za-z][\w:-]*)="([^"]*)"/g)) {
      if (attributes.has(key)) throw new Error(`attribute ${key} given twice`);
      if (/&(?!(?:amp|lt|gt|quot|apos);)/.test(value)) throw new Error(`bare & in attribute ${key}`);
      attributes.set(key, decode(value));
    }
    const element: Element = { name, attributes, children: [], text: '' };
    top.children.push(element);
    if (!selfClosing) stack.push(element);
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack.at(-1)?.name}>`);
  if (root.children.length !== 1) throw new Error('a document has one root element');
  return root.children[0]!;
}

/** Drops what XML 1.0's Char production leaves out: C0 controls but tab, LF and CR; lone surrogates; U+FFFE and U+FFFF. */
const clean = (text: string) =>
  [...text]
    .filter((c) => {
      const code = c.codePointAt(0) ?? 0;
      return code >= 0x20
        ? !(code >= 0xd800 && code <= 0xdfff) && code !== 0xfffe && code !== 0xffff
        : '\t\n\r'.includes(c);
    })
    .join('');

const descendants = (element: Element): Element[] => element.children.flatMap((c) => [c, ...descendants(c)]);
const allText = (element: Element): string => element.text + element.children.map(allText).join('');

function chartParts(svg: string) {
  const root = parseXml(svg);
  const all = descendants(root);
  const rects = all.filter((e) => e.name === 'rect').slice(1); // the first is the white background
  const texts = root.children.filter((e) => e.name === 'text');
  return { root, all, rects, labels: texts.filter((_, i) => i % 2 === 0), values: texts.filter((_, i) => i % 2 === 1) };
}

describe('escapeXml', () => {
  it('escapes the five characters XML reserves', () => {
    expect(escapeXml(`<a href="x">Tom & Jerry's</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;',
    );
  });

  it('drops characters XML forbids', () => {
    expect(escapeXml('a\u0000b\u001Fc\tline\nend\uFFFF\uD800')).toBe('abc\tline\nend');
    expect(escapeXml('Class 6 😀 \uD83D\uDE00')).toBe('Class 6 😀 😀');
  });

  it('leaves no markup and decodes back to the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const escaped = escapeXml(text);
        expect(escaped).not.toMatch(/[<>"']/);
        expect(escaped.replace(entity, '')).not.toContain('&');
        expect(decode(escaped)).toBe(clean(text));
      }),
    );
  });
});

describe('wrapLabel', () => {
  it('keeps every word and no line longer than asked', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 1, max: 50 }), (label, perLine) => {
        const lines = wrapLabel(label, perLine);
        expect(lines.length).toBeGreaterThan(0);
        for (const line of lines) expect(line.length).toBeLessThanOrEqual(perLine);
        expect(lines.join('').replace(/\s/g, '')).toBe(label.replace(/\s/g, ''));
      }),
    );
  });
});

const kinds: Bar[] = [
  { label: 'Bullying or unkind messages', value: 4 },
  { label: 'A post, comment or review about the school or someone in it', value: 2 },
  { label: 'Photos', value: 0 },
];

describe('barChartSvg', () => {
  const svg = barChartSvg({ title: 'Concerns by kind', description: 'Bullying was the most common.', bars: kinds });
  const { root, all, rects, labels, values } = chartParts(svg);

  it('is one accessible image, named and described', () => {
    expect(root.name).toBe('svg');
    expect(root.attributes.get('role')).toBe('img');
    expect(root.attributes.get('width')).toBe('100%');
    expect(root.attributes.get('viewBox')).toMatch(/^0 0 320 \d+(\.\d+)?$/);
    const title = all.find((e) => e.name === 'title');
    const desc = all.find((e) => e.name === 'desc');
    expect(title?.text).toBe('Concerns by kind');
    expect(desc?.text).toBe('Bullying was the most common.');
    expect(root.attributes.get('aria-labelledby')).toBe(title?.attributes.get('id'));
    expect(root.attributes.get('aria-describedby')).toBe(desc?.attributes.get('id'));
    expect(root.children[0]?.name).toBe('title');
  });

  it('draws bars in proportion, each with its value beside it', () => {
    const widths = rects.map((r) => Number(r.attributes.get('width')));
    expect(widths[0]).toBeGreaterThan(0);
    expect(widths[1]).toBeCloseTo((widths[0] ?? 0) / 2, 0);
    expect(widths[2]).toBe(0);
    expect(values.map(allText)).toEqual(['4', '2', '0']);
    expect(allText(labels[1]!)).toContain('A post, comment');
    expect(rects.every((r) => r.attributes.get('fill') === '#1d70b8')).toBe(true);
  });

  it('says the unit, singular or plural', () => {
    const chart = barChartSvg({
      title: 'Cases',
      description: 'Cases',
      bars: [
        { label: 'a', value: 1 },
        { label: 'b', value: 3.25 },
        { label: 'c', value: 2, valueText: 'fewer than 3' },
      ],
      unit: { one: 'case', other: 'cases' },
    });
    expect(chartParts(chart).values.map(allText)).toEqual(['1 case', '3.3 cases', 'fewer than 3']);
  });

  it('handles no bars and all-zero bars', () => {
    const empty = chartParts(barChartSvg({ title: 'None', description: 'Nothing reported.', bars: [] }));
    expect(empty.rects).toHaveLength(0);
    expect(allText(empty.root)).toContain('No figures to show.');
    const zeros = chartParts(
      barChartSvg({ title: 'Zeros', description: 'All zero.', bars: kinds.map((b) => ({ ...b, value: 0 })) }),
    );
    expect(zeros.rects.map((r) => r.attributes.get('width'))).toEqual(['0', '0', '0']);
    expect(svg).not.toMatch(/NaN|Infinity|undefined/);
  });

  it('refuses values it cannot draw', () => {
    for (const value of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => barChartSvg({ title: 't', description: 'd', bars: [{ label: 'x', value }] })).toThrow(RangeError);
    }
    expect(() => barChartSvg({ title: 't', description: 'd', bars: [], id: '1 bad"id' })).toThrow(RangeError);
  });

  it('uses the id given, or one made from the title', () => {
    expect(barChartSvg({ title: 'By role', description: 'd', bars: [], id: 'roles' })).toContain('id="roles-title"');
    expect(barChartSvg({ title: 'By role & kind!', description: 'd', bars: [] })).toContain(
      'id="chart-by-role-kind-title"',
    );
    expect(barChartSvg({ title: '<>', description: 'd', bars: [] })).toContain('id="chart-figures-title"');
  });

  const hostileText = fc.oneof(
    fc.constantFrom('<script>alert(1)</script>', '" onload="alert(1)', "'&amp;'", ']]><x>', '<!-- -->', '&lt;'),
    fc.string({ unit: 'grapheme' }),
    fc.string({ unit: fc.constantFrom('<', '>', '&', '"', "'", ' ', 'a', ';', '\n', '\u0000') }),
  );

  it('stays well formed and inert whatever the text, and shows labels as text', () => {
    fc.assert(
      fc.property(
        hostileText,
        hostileText,
        fc.array(fc.record({ label: hostileText, value: fc.double({ min: 0, max: 1e6, noNaN: true }) }), {
          maxLength: 12,
        }),
        fc.option(fc.constantFrom('days', '<b>', { one: '&', other: '"' }), { nil: undefined }),
        (title, description, bars, unit) => {
          const chart = barChartSvg({ title, description, bars, ...(unit !== undefined && { unit }) });
          const parts = chartParts(chart);
          const names = new Set(parts.all.map((e) => e.name));
          for (const name of names) expect(['title', 'desc', 'rect', 'text', 'tspan']).toContain(name);
          for (const element of [parts.root, ...parts.all]) {
            for (const key of element.attributes.keys()) expect(key).not.toMatch(/^on|^style$|href$/i);
          }
          expect(parts.all.find((e) => e.name === 'title')?.text).toBe(clean(title));
          expect(parts.all.find((e) => e.name === 'desc')?.text).toBe(clean(description));
          expect(parts.rects).toHaveLength(bars.length);
          bars.forEach((bar, i) => {
            const shown = allText(parts.labels[i]!);
            expect(shown.replace(/\s/g, '')).toBe(clean(bar.label).replace(/\s/g, ''));
            expect(Number(parts.rects[i]?.attributes.get('width'))).toBeLessThanOrEqual(320);
          });
        },
      ),
    );
  });

  it('draws a larger value no shorter than a smaller one', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(1000), { minLength: 1, maxLength: 10 }), (numbers) => {
        const { rects } = chartParts(
          barChartSvg({ title: 't', description: 'd', bars: numbers.map((value, i) => ({ label: `b${i}`, value })) }),
        );
        const widths = rects.map((r) => Number(r.attributes.get('width')));
        numbers.forEach((a, i) =>
          numbers.forEach((b, j) => {
            if (a > b) expect(widths[i]).toBeGreaterThanOrEqual(widths[j] ?? Number.POSITIVE_INFINITY);
            // Above the 2-unit minimum that keeps a small value visible, lengths are proportional.
            if (a > b && (widths[j] ?? 0) > 2) expect(widths[i]).toBeGreaterThan(widths[j] ?? Number.POSITIVE_INFINITY);
            expect(widths[i] === 0).toBe(a === 0);
          }),
        );
      }),
    );
  });
});

describe('the table alternative (figures-macros.njk)', () => {
  const views = fileURLToPath(new URL('../../../src/web/views', import.meta.url));
  const govuk = join(dirname(createRequire(import.meta.url).resolve('govuk-frontend/package.json')), 'dist');
  const environment = new nunjucks.Environment(new nunjucks.FileSystemLoader([views, govuk]), { autoescape: true });
  const render = (params: object) =>
    environment.renderString(
      '{% from "incidents/figures-macros.njk" import figuresTable %}{{ figuresTable(params) }}',
      { params },
    );

  it('renders a GOV.UK table with a caption, escaping labels', () => {
    const html = render({
      caption: 'Concerns by kind',
      labelHeading: 'Kind',
      valueHeading: 'Autumn term 2026',
      rows: [
        { label: '<script>x</script>', count: { text: '4' } },
        { label: 'Pupils', count: { text: 'fewer than 3' } },
      ],
      qa: 'by-kind',
    });
    expect(html).toMatch(/<table class="govuk-table"\s+data-qa="by-kind">/);
    expect(html).toMatch(/<caption class="govuk-table__caption govuk-table__caption--m">Concerns by kind<\/caption>/);
    expect(html).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(html).not.toContain('<script>');
    expect(html).toMatch(
      /<th scope="row" class="govuk-table__header">Pupils<\/th>\s*<td class="govuk-table__cell govuk-table__cell--numeric">fewer than 3<\/td>/,
    );
    expect(html.match(/<th scope="col"/g)).toHaveLength(2);
  });

  it('adds a column for the term compared with', () => {
    const html = render({
      caption: 'By role',
      labelHeading: 'Role',
      valueHeading: 'Autumn term 2026',
      previousHeading: 'Summer term 2026',
      rows: [
        { label: 'Pupils', count: { text: '5' }, previous: { text: '7' } },
        { label: 'Staff', count: { text: '0' } },
      ],
    });
    expect(html.match(/<th scope="col"/g)).toHaveLength(3);
    expect(html).toContain('Summer term 2026');
    expect(html).toMatch(/>5<\/td>\s*<td class="govuk-table__cell govuk-table__cell--numeric">7<\/td>/);
    expect(html).toContain('data-qa="figures-table"');
  });
});
