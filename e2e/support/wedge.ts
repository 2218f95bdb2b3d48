import type { Page } from '@playwright/test';

/**
 * A keyboard-wedge scanner's burst: every key, then Enter, within a millisecond or two, as
 * the hardware sends them to whatever has the focus. Playwright's own typing goes to the
 * browser and back for each key, and on a loaded machine its gaps can pass the 50 ms that
 * tell a scanner from a person.
 */
export async function wedgeBurst(page: Page, text: string): Promise<void> {
  await page.evaluate(
    (keys) => {
      const target = document.activeElement ?? document.body;
      for (const key of keys) {
        target.dispatchEvent(
          new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }),
        );
      }
    },
    [...Array.from(text), 'Enter'],
  );
}
