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

/**
 * A keyboard-wedge card reader as the operating system delivers it: trusted key events (so a
 * key the guard lets through really types into the focused field), stamped 2 ms apart as the
 * reader sends them, and all sent at once rather than one round trip per key. Playwright's
 * `keyboard.type` waits for each key, so on a loaded machine its own gaps reach 100 ms and
 * more, slower than any reader, and no detector can tell that from a person.
 */
export async function readerSwipe(page: Page, text: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const startS = Date.now() / 1000;
  const keys = [...Array.from(text), 'Enter'];
  await Promise.all(
    keys.flatMap((key, i) => {
      const timestamp = startS + (i * 2) / 1000;
      const enter = key === 'Enter';
      const common = {
        key,
        timestamp,
        ...(enter ? { code: 'Enter', windowsVirtualKeyCode: 13, nativeVirtualKeyCode: 13 } : {}),
      };
      return [
        cdp.send('Input.dispatchKeyEvent', {
          type: 'keyDown',
          text: enter ? '\r' : key,
          unmodifiedText: enter ? '\r' : key,
          ...common,
        }),
        cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...common }),
      ];
    }),
  );
  await cdp.detach();
}
