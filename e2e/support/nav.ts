import type { Page } from '@playwright/test';

/**
 * Opens a screen as a person would: its tab, or its group's menu (Back office, Devices) and
 * then the entry. Each nav entry lists the screens it leads to in `data-nav-for`.
 */
export async function goTo(page: Page, screen: string): Promise<void> {
  const entry = page.locator(`[data-nav-for~="${screen}"]`);
  const isTab = (await entry.getAttribute('data-testid')) === `nav-${screen}`;
  await entry.click();
  if (!isTab) await page.getByTestId(`nav-${screen}`).click();
}
