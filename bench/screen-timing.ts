import type { Page } from '@playwright/test';

/**
 * Timings taken inside the page, so Playwright's own round trips never count: the clock
 * starts at the Enter key's event time (the moment the browser received the key) and stops
 * after the frame that shows the awaited state has been painted (a requestAnimationFrame
 * callback runs just before a frame is painted; a task posted from it runs after).
 */
interface ScreenClock {
  enterAt: number;
  /** The first WebSocket message after Enter: main's answer (or its event) to the key. */
  replyAt: number;
  pending: Promise<Split> | null;
}

/**
 * Milliseconds from Enter to main's first message (`main`), from there until the awaited
 * state is in the page (`render`: parsing, React) and from there to the painted frame (`paint`).
 */
export interface Split {
  total: number;
  main: number;
  render: number;
  paint: number;
}

declare global {
  interface Window {
    __screenClock?: ScreenClock;
  }
}

/** Installs the Enter listener; call before the page loads (an init script). */
export async function installScreenClock(page: Page): Promise<void> {
  // tsx compiles the bench with esbuild's keepNames, which wraps named functions in
  // `__name(...)`; functions sent into the page need that helper there too.
  await page.addInitScript({ content: 'window.__name = (f) => f;' });
  await page.addInitScript(() => {
    const clock: ScreenClock = { enterAt: 0, replyAt: 0, pending: null };
    window.__screenClock = clock;
    // Stamps main's first message after the key, to split the time between main and the page.
    const NativeSocket = window.WebSocket;
    window.WebSocket = class extends NativeSocket {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols);
        this.addEventListener('message', () => {
          if (clock.enterAt !== 0 && clock.replyAt === 0) clock.replyAt = performance.now();
        });
      }
    };
    // Capture phase on the window: before any handler of the app's can act on the key.
    window.addEventListener(
      'keydown',
      (event) => {
        if (event.key === 'Enter') clock.enterAt = event.timeStamp;
      },
      true,
    );
  });
}

/**
 * Arms the clock: once `selector` matches `count` elements (and `absent`, if given, matches
 * none), the next painted frame stops it. Call, then press Enter, then `readClock`.
 */
export async function armClock(
  page: Page,
  selector: string,
  count: number,
  absent?: string,
): Promise<void> {
  await page.evaluate(
    ({ selector, count, absent }) => {
      const clock = window.__screenClock;
      if (!clock) throw new Error('screen clock not installed');
      const shown = () =>
        document.querySelectorAll(selector).length === count &&
        (absent === undefined || document.querySelector(absent) === null);
      clock.enterAt = 0;
      clock.replyAt = 0;
      clock.pending = new Promise<Split>((resolve) => {
        const painted = (shownAt: number) =>
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => {
              const now = performance.now();
              const reply = clock.replyAt === 0 ? shownAt : clock.replyAt;
              resolve({
                total: now - clock.enterAt,
                main: reply - clock.enterAt,
                render: shownAt - reply,
                paint: now - shownAt,
              });
            };
            channel.port2.postMessage(null);
          });
        const observer = new MutationObserver(() => {
          if (clock.enterAt === 0 || !shown()) return;
          observer.disconnect();
          painted(performance.now());
        });
        observer.observe(document.body, { childList: true, subtree: true, attributes: true });
      });
    },
    { selector, count, absent },
  );
}

/** The time from the Enter key to the painted frame, once it has been painted. */
export async function readClock(page: Page): Promise<Split> {
  return page.evaluate(async () => {
    const pending = window.__screenClock?.pending;
    if (!pending) throw new Error('clock not armed');
    return pending;
  });
}
