// The compiled assets (built by npm install) must look like Footprint, not GOV.UK.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publicDirectory } from '../../../src/web/plugins/static-assets.ts';

describe('The compiled assets', () => {
  const css = readFileSync(join(publicDirectory, 'stylesheets', 'application.css'), 'utf8');

  it('set every font in Arial and load no GDS Transport font', () => {
    expect(css).toContain('font-family:arial,sans-serif');
    expect(css).not.toContain('GDS Transport');
    expect(css).not.toContain('@font-face');
    expect(existsSync(join(publicDirectory, 'fonts'))).toBe(false);
  });

  it('include GOV.UK Frontend, its generic header, and its script', () => {
    expect(css).toContain('.govuk-generic-header');
    expect(css).toContain('.govuk-skip-link');
    expect(readFileSync(join(publicDirectory, 'javascripts', 'govuk-frontend.min.js'), 'utf8')).toContain('initAll');
  });

  it('ship our own icon rather than the crown', () => {
    expect(existsSync(join(publicDirectory, 'images', 'favicon.svg'))).toBe(true);
    expect(existsSync(join(publicDirectory, 'images', 'govuk-crest.svg'))).toBe(false);
  });
});
