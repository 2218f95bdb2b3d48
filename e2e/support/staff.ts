import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import { denominationsOf } from '@app/staff/denominations';
import { goTo } from './nav';

export const OWNER = { name: 'Wang Fang', pin: '2468' };
export const CASHIER = { name: 'Li Na', role: 'cashier', pin: '1357' } as const;
export const MANAGER = { name: 'Zhao Lei', role: 'manager', pin: '9753' } as const;

/** The owner adds a cashier and a manager on the Staff screen (left open). */
export async function addCashierAndManager(page: Page): Promise<void> {
  await goTo(page, 'staff');
  for (const { name, role, pin } of [CASHIER, MANAGER]) {
    await page.getByTestId('staff-name').fill(name);
    await page.getByTestId('staff-role').selectOption(role);
    await page.getByTestId('staff-pin').fill(pin);
    await page.getByTestId('staff-add').click();
    await expect(page.getByTestId(`staff-row-${name}`)).toBeVisible();
  }
}

/** Signs a user in on the lock screen: choose the name, type the PIN, Enter. */
export async function logIn(page: Page, name: string, pin: string): Promise<void> {
  await page.getByTestId(`login-user-${name}`).click();
  await page.getByTestId('login-input').fill(pin);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('session-user')).toContainText(name);
}

/** Opens a shift with a float typed as the cashier would ("200"), then back to selling. */
export async function openShift(page: Page, float = '0'): Promise<void> {
  await page.getByTestId('nav-shift').click();
  await page.getByTestId('shift-float').fill(float);
  await page.getByTestId('shift-open').click();
  await expect(page.getByTestId('shift-totals')).toBeVisible();
  await page.getByTestId('nav-sell').click();
}

/**
 * What every spec does first on a loaded app: on a first start the set-up wizard (owner
 * Wang Fang, shop, CNY, in `language`: Chinese unless a spec says otherwise; the wizard
 * itself would follow the browser's), otherwise the owner's PIN on the lock screen; then a
 * shift is opened unless one is, so the till can sell at once.
 */
export async function setUpAndSignIn(
  page: Page,
  options: { openShift?: boolean; language?: 'en' | 'zh-CN' } = {},
): Promise<void> {
  const wizard = page.getByTestId('setup-wizard');
  const lock = page.getByTestId('lock-screen');
  await expect(wizard.or(lock)).toBeVisible();
  if (await wizard.isVisible()) {
    await page.getByTestId('setup-locale').selectOption(options.language ?? 'zh-CN');
    await page.getByTestId('setup-ownerName').fill(OWNER.name);
    await page.getByTestId('setup-pin').fill(OWNER.pin);
    await page.getByTestId('setup-pinAgain').fill(OWNER.pin);
    await page.getByTestId('setup-shopName').fill('Countertop Demo Shop');
    await page.getByTestId('setup-shopAddress').fill('1 Nanjing Road, Shanghai');
    await page.getByTestId('setup-finish').click();
    await expect(page.getByTestId('session-user')).toContainText(OWNER.name);
  } else {
    await logIn(page, OWNER.name, OWNER.pin);
  }
  if (options.openShift === false) return;
  await page.getByTestId('nav-sell').click();
  // The shift screen says whether one is open: no guessing from a banner still loading.
  await page.getByTestId('nav-shift').click();
  const open = page.getByTestId('shift-open');
  await expect(open.or(page.getByTestId('shift-totals'))).toBeVisible();
  if (await open.isVisible()) {
    await page.getByTestId('shift-float').fill('0');
    await open.click();
    await expect(page.getByTestId('shift-totals')).toBeVisible();
  }
  await page.getByTestId('nav-sell').click();
}

/** The notes and coins a cashier would count for `minor` (largest first). */
export function countFor(minor: number): Record<string, number> {
  const counts: Record<string, number> = {};
  let left = minor;
  for (const value of denominationsOf('CNY')) {
    const n = Math.floor(left / value);
    if (n > 0) counts[String(value)] = n;
    left -= n * value;
  }
  return counts;
}

/** Closes the open shift on a blind count of exactly `countedMinor` in cash. */
export async function closeShift(page: Page, countedMinor: number): Promise<void> {
  await page.getByTestId('nav-shift').click();
  await page.getByTestId('shift-close').click();
  for (const [value, n] of Object.entries(countFor(countedMinor))) {
    await page.getByTestId(`count-${value}`).fill(String(n));
  }
  await page.getByTestId('count-submit').click();
  await expect(page.getByTestId('result-cash')).toBeVisible();
}
