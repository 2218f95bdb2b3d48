import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';

/** The counter screens shops have: the commonest touch till up to a full-HD monitor. */
export const COUNTER_SCREENS = [
  { width: 1024, height: 768 },
  { width: 1280, height: 800 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

/** The element is on screen whole: no part of it past an edge of the window. */
export async function expectInViewport(page: Page, target: Locator, what: string): Promise<void> {
  const size = page.viewportSize();
  if (!size) throw new Error('no viewport');
  await expect(target, what).toBeVisible();
  const box = await target.boundingBox();
  expect(box, what).not.toBeNull();
  if (!box) return;
  const at = `${what} at ${JSON.stringify(box)} in ${String(size.width)}×${String(size.height)}`;
  expect(box.x, at).toBeGreaterThanOrEqual(0);
  expect(box.y, at).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, at).toBeLessThanOrEqual(size.width + 0.5);
  expect(box.y + box.height, at).toBeLessThanOrEqual(size.height + 0.5);
}

/** Every button and field inside `container` is on screen whole. */
export async function expectControlsInViewport(
  page: Page,
  container: Locator,
  what: string,
): Promise<void> {
  const controls = await container.locator('button, input, select, textarea').all();
  expect(controls.length, `${what} has controls`).toBeGreaterThan(0);
  for (const [i, control] of controls.entries()) {
    if (!(await control.isVisible())) continue;
    const name = (await control.getAttribute('data-testid')) ?? (await control.textContent());
    await expectInViewport(page, control, `${what} control ${String(i)} (${name ?? ''})`);
  }
}

/** Neither the page nor `container` scrolls sideways. */
export async function expectNoSidewaysScroll(page: Page, container?: Locator): Promise<void> {
  const pageOverflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(pageOverflow, 'the page scrolls sideways').toBeLessThanOrEqual(0);
  if (!container) return;
  const overflow = await container.evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(overflow, 'the panel scrolls sideways').toBeLessThanOrEqual(0);
}
