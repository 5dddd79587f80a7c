import { describe, expect, it } from 'vitest';
import { documentModel, escapeHtml, policyToHtml, policyToMarkdown } from '../../../src/domain/policy/render/index.ts';
import { fixturePolicy, fixtureYaml, policyFrom } from './fixture.ts';

const doc = documentModel(fixturePolicy);

describe('the document as Markdown', () => {
  const markdown = policyToMarkdown(doc);
  const lines = markdown.split('\n');

  it('has the title, headings for sections and audiences, and the procedure steps numbered', () => {
    expect(lines[0]).toBe('# Larkrise \\<Primary\\> social media policy & guidance');
    expect(lines).toContain('## A. Staff and governors');
    expect(lines).toContain('### Staff and governors');
    expect(lines).toContain('### Procedure: Photographs posted without consent');
    expect(lines).toContain('1. The Headteacher asks the author to remove the post (within 1 day).');
    expect(lines).toContain(
      '5. In cases of a post naming a pupil, the Headteacher tells the Designated Safeguarding Lead.',
    );
  });

  it('lays out the document control table and escapes what Markdown would read as markup', () => {
    expect(lines).toContain('| Ratified | 7 February 2019 and 18 March 2021 |');
    expect(lines).toContain('| 3.1 | March 2021 |  | Pipes \\| and \\*stars\\* kept as written. |');
    expect(markdown).toContain('explains \\<b\\>why\\</b\\> it matters');
    expect(markdown).not.toMatch(/[^\\]<b>/);
  });

  it('lists each rule with its id, modality, exceptions, requirements and consequences', () => {
    expect(lines).toContain('- **A2** (should not) Staff should not befriend parents on personal accounts.');
    expect(lines).toContain(
      '  - Except: A friendship from outside school (only if the relationship is declared to the school).',
    );
    expect(lines.filter((l) => l.startsWith('  - If this is broken: '))).toHaveLength(2);
  });

  it('keeps a paragraph that starts like a list from becoming one', () => {
    const numbered = policyToMarkdown(
      documentModel(policyFrom(fixtureYaml.replace('  Social media brings', '  1. Social media brings'))),
    );
    expect(numbered).toContain('\n1\\. Social media brings');
  });
});

/** Checks that every element opened is closed, in order; void elements stand alone. */
function unbalancedTags(html: string): string[] {
  const voidElements = new Set(['meta', 'br', 'img', 'link', 'hr', 'input']);
  const stack: string[] = [];
  const problems: string[] = [];
  for (const [, closing, name = ''] of html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*>/g)) {
    const tag = name.toLowerCase();
    if (voidElements.has(tag)) continue;
    if (!closing) stack.push(tag);
    else if (stack.pop() !== tag) problems.push(`</${tag}> closes something else`);
  }
  return [...problems, ...stack.map((t) => `<${t}> never closed`)];
}

describe('the document as HTML', () => {
  const html = policyToHtml(doc);

  it('is a complete HTML5 document in British English, with no scripts or inline styles', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en-GB">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<title>Larkrise &lt;Primary&gt; social media policy &amp; guidance</title>');
    expect(html).not.toMatch(/<script|style="|\son[a-z]+=/i);
  });

  it('closes every element it opens', () => {
    expect(unbalancedTags('<ul><li>one</ul>')).not.toEqual([]);
    expect(unbalancedTags(html)).toEqual([]);
  });

  it('escapes every piece of text', () => {
    expect(html).toContain('Parents must not post &lt;img&gt; photos of other children &amp; their names.');
    expect(html).toContain('explains &lt;b&gt;why&lt;/b&gt; it matters');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(escapeHtml(`"Tom's" <tag> & more`)).toBe('&quot;Tom&#39;s&quot; &lt;tag&gt; &amp; more');
  });

  it('has one top heading, a heading per section and audience', () => {
    expect(html.match(/<h1>/g)).toHaveLength(1);
    expect(html).toContain('<h2 id="section-A">A. Staff and governors</h2>');
    expect(html).toContain('<h2 id="section-what-next">After a breach</h2>');
    expect(html).toContain('<h3>Staff and governors</h3>');
  });

  it('gives the tables captions and header cells with a scope', () => {
    expect(html).toContain('<caption>Document control</caption>');
    expect(html).toContain('<tr><th scope="row">Review due</th><td>September 2024</td></tr>');
    expect(html).toContain('<caption>Version history</caption>');
    expect(html).toContain('<th scope="col">Amended by</th>');
  });

  it('numbers procedure steps in an ordered list', () => {
    const steps = /<h3>Procedure: Photographs posted without consent<\/h3>[\s\S]*?<ol>([\s\S]*?)<\/ol>/.exec(html)?.[1];
    expect(steps?.match(/<li>/g)).toHaveLength(5);
    expect(steps).toContain('<li>If the parent refuses, the governing body takes legal advice.</li>');
  });
});
