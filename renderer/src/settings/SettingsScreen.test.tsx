// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Settings } from '@app/api/contract';
import { fail, ok } from '@app/result';
import { useNotify } from '../common/notices';
import { testSettings } from '../testing/fake-till.test-support';
import { FakeApi } from '../testing/fake-api.test-support';
import { renderWithApi } from '../testing/render.test-support';
import { SettingsScreen } from './SettingsScreen';

function Screen({ onSaved }: { onSaved: (settings: Settings) => void }) {
  return <SettingsScreen settings={testSettings} onSaved={onSaved} notify={useNotify()} />;
}

async function renameShopAndAddClass(user: ReturnType<typeof userEvent.setup>) {
  const name = screen.getByLabelText('Shop name');
  await user.clear(name);
  await user.type(name, 'Corner Shop');
  await user.click(screen.getByTestId('tax-class-add'));
  const rows = screen
    .getByTestId('tax-classes')
    .querySelectorAll('[data-testid^="tax-class-name-"]');
  const last = rows.length - 1;
  await user.type(screen.getByTestId(`tax-class-name-${String(last)}`), 'Books');
  await user.type(screen.getByTestId(`tax-class-rate-${String(last)}`), '0');
  await user.click(screen.getByRole('button', { name: 'Save settings' }));
  return last;
}

describe('SettingsScreen', () => {
  it('saves the shop name and a new tax class, and hands the saved settings up', async () => {
    const user = userEvent.setup();
    const onSaved = vi.fn();
    const api = new FakeApi().answer('settings.update', (input) =>
      ok({ ...testSettings, ...input }),
    );
    await renderWithApi(<Screen onSaved={onSaved} />, api);
    await renameShopAndAddClass(user);
    expect((await screen.findByTestId('notice-text')).textContent).toBe('Settings saved');
    const [sent] = api.inputsOf('settings.update');
    expect(sent?.shopName).toBe('Corner Shop');
    expect(sent?.taxClasses?.map((c) => c.name)).toContain('Books');
    expect(onSaved).toHaveBeenCalledWith({ ...testSettings, ...sent });
  });

  it('says why main refused and keeps everything typed', async () => {
    const user = userEvent.setup();
    const onSaved = vi.fn();
    const api = new FakeApi().answer('settings.update', () =>
      fail('tax_class_in_use', 'in use', { name: 'Reduced', count: 12 }),
    );
    await renderWithApi(<Screen onSaved={onSaved} />, api);
    const last = await renameShopAndAddClass(user);
    expect((await screen.findByTestId('notice-text')).textContent).toBe(
      'The tax class “Reduced” is used by 12 products: move them to another class first.',
    );
    expect(screen.getByLabelText<HTMLInputElement>('Shop name').value).toBe('Corner Shop');
    expect(screen.getByTestId<HTMLInputElement>(`tax-class-name-${String(last)}`).value).toBe(
      'Books',
    );
    expect(onSaved).not.toHaveBeenCalled();
  });
});
