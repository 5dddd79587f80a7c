import { describe, expect, it } from 'vitest';
import { AppError, errorCatalogue } from '../../src/errors.ts';

describe('The error catalogue', () => {
  it.each(Object.entries(errorCatalogue))(
    'gives %s a status, a title and a message ending in a full stop',
    (_code, entry) => {
      expect(entry.status).toBeGreaterThanOrEqual(400);
      expect(entry.status).toBeLessThan(600);
      expect(entry.title).not.toMatch(/\.$/);
      expect(entry.message).toMatch(/\.$/);
    },
  );

  it('builds an AppError from a code, with the catalogue message unless told otherwise', () => {
    const plain = new AppError('not_found');
    expect(plain).toMatchObject({ code: 'not_found', status: 404, title: 'Page not found', fields: [] });
    expect(plain.message).toBe(errorCatalogue.not_found.message);
    expect(new AppError('not_found', 'There is no policy called "wingate".').message).toBe(
      'There is no policy called "wingate".',
    );
  });
});
