// Bar charts for governors' figures, drawn on the server as SVG so that they need no script and
// print as they look. A chart is one image to assistive technology, named by its <title> and
// described by its <desc>; the page puts a table of the same figures beside it. Each bar carries
// its value as text, so colour is never the only carrier of meaning. Colours are GOV.UK's: text in
// black (#0b0c0c) and bars in blue (#1d70b8, 5.2:1 against white) on white.

export interface Bar {
  label: string;
  /** A finite number, 0 or more. */
  value: number;
  /** Shown instead of the number, such as "fewer than 3"; the bar is drawn from `value` still. */
  valueText?: string;
}

export interface BarChart {
  /** Names the chart: the page shows its own heading too. */
  title: string;
  /** What the chart shows, for someone who cannot see it. */
  description: string;
  bars: readonly Bar[];
  /** Words after each value: "days", or { one: "case", other: "cases" }. */
  unit?: string | { one: string; other: string };
  /** Unique on the page: the <title> and <desc> ids derive from it. Made from the title when left out. */
  id?: string;
}

// 320 units across: at a 320px-wide phone screen the text is drawn at its own 16px.
const width = 320;
const fontSize = 16;
const lineHeight = 20;
const barHeight = 24;
const gap = 16;
/** About the widest a line of labels can be, in characters of Arial at 16px across the chart. */
const charactersPerLine = 38;
const averageCharacterWidth = 9;
const black = '#0b0c0c';
const blue = '#1d70b8';

/** XML 1.0's Char production: tab, line feed, carriage return and the rest from space up, but lone surrogates, U+FFFE and U+FFFF. */
function allowedInXml(character: string): boolean {
  const code = character.codePointAt(0) ?? 0;
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

const entities: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/**
 * Text made safe for XML (and HTML) content and attribute values. Characters XML forbids even
 * escaped (most control characters, lone surrogates) are dropped.
 */
export function escapeXml(text: string): string {
  return [...text]
    .filter(allowedInXml)
    .join('')
    .replace(/[&<>"']/g, (character) => entities[character] ?? '');
}

const numberFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

function valueText(bar: Bar, unit: BarChart['unit']): string {
  if (bar.valueText !== undefined) return bar.valueText;
  const number = numberFormat.format(bar.value);
  if (unit === undefined) return number;
  const words = typeof unit === 'string' ? unit : bar.value === 1 ? unit.one : unit.other;
  return words === '' ? number : `${number} ${words}`;
}

/** Splits a label into lines that fit across the chart, breaking between words where it can. */
export function wrapLabel(label: string, perLine = charactersPerLine): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(/\s+/).filter((w) => w !== '')) {
    let rest = word;
    while (rest.length > perLine) {
      if (line !== '') lines.push(line);
      lines.push(rest.slice(0, perLine));
      line = '';
      rest = rest.slice(perLine);
    }
    if (line === '') line = rest;
    else if (line.length + 1 + rest.length <= perLine) line = `${line} ${rest}`;
    else {
      lines.push(line);
      line = rest;
    }
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

const idShape = /^[A-Za-z][\w-]*$/;

function chartId(chart: BarChart): string {
  if (chart.id !== undefined) {
    if (!idShape.test(chart.id))
      throw new RangeError(`a chart id must be a letter then letters, digits, - or _: "${chart.id}"`);
    return chart.id;
  }
  const slug = chart.title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `chart-${slug || 'figures'}`;
}

/**
 * An SVG bar chart, one horizontal bar a row, its label above it and its value beside it. The
 * viewBox is fixed and the width 100%, so it scales to its container, with text at 16px on a
 * 320px screen; give `.app-chart` a maximum width (about 40rem) so it does not grow on wide ones.
 */
export function barChartSvg(chart: BarChart): string {
  for (const bar of chart.bars) {
    if (!Number.isFinite(bar.value) || bar.value < 0) {
      throw new RangeError(`a bar's value must be a finite number, 0 or more, not ${bar.value}`);
    }
  }
  const id = chartId(chart);
  const texts = chart.bars.map((bar) => valueText(bar, chart.unit));
  const longestValue = Math.max(0, ...texts.map((text) => text.length));
  const valueSpace = Math.min(width / 2, longestValue * averageCharacterWidth + 8);
  const barSpace = width - valueSpace;
  const largest = Math.max(0, ...chart.bars.map((bar) => bar.value));

  const body: string[] = [];
  let y = 0;
  chart.bars.forEach((bar, index) => {
    const lines = wrapLabel(bar.label);
    const spans = lines.map(
      (line, at) =>
        `<tspan x="0" ${at === 0 ? `y="${y + fontSize}"` : `dy="${lineHeight}"`}>${escapeXml(line)}</tspan>`,
    );
    body.push(`<text fill="${black}">${spans.join('')}</text>`);
    y += lines.length * lineHeight + 4;
    const length = largest === 0 || bar.value === 0 ? 0 : Math.max(2, (bar.value / largest) * barSpace);
    const rounded = Math.round(length * 10) / 10;
    body.push(`<rect x="0" y="${y}" width="${rounded}" height="${barHeight}" fill="${blue}"/>`);
    body.push(
      `<text x="${Math.round((rounded + 6) * 10) / 10}" y="${y + 17}" fill="${black}">${escapeXml(texts[index] ?? '')}</text>`,
    );
    y += barHeight + gap;
  });
  if (chart.bars.length === 0) {
    body.push(`<text x="0" y="${fontSize}" fill="${black}">No figures to show.</text>`);
    y = lineHeight + gap;
  }
  const height = Math.max(lineHeight, y - gap + 4);

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" role="img"` +
      ` aria-labelledby="${id}-title" aria-describedby="${id}-desc" focusable="false" class="app-chart"` +
      ` font-family="arial, sans-serif" font-size="${fontSize}">`,
    `<title id="${id}-title">${escapeXml(chart.title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(chart.description)}</desc>`,
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`,
    ...body,
    '</svg>',
  ].join('\n');
}
