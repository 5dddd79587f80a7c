import { describe, expect, it } from 'vitest';
import { browserAvailable } from '../support/environment.ts';
import { NotFoundPage } from './pages/not-found-page.ts';
import { StartPage } from './pages/start-page.ts';
import { accessibilityViolations, sidewaysOverflow } from './support/accessibility.ts';
import { browserSession } from './support/session.ts';

describe.runIf(browserAvailable())('The page-not-found page in a browser', () => {
  const session = browserSession();

  it('says the page was not found, with status 404 and a way back to the start', async () => {
    const { page, response } = await session.open('/policies/no-such-policy');
    expect(response?.status()).toBe(404);
    const notFound = await NotFoundPage.verifyOnPage(page);
    await notFound.startLink.click();
    await StartPage.verifyOnPage(page);
  });

  it('has no WCAG 2.2 AA violations, and fits a 320 pixel wide screen', async () => {
    const { page } = await session.open('/policies/no-such-policy', { width: 320 });
    await NotFoundPage.verifyOnPage(page);
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
  });
});
