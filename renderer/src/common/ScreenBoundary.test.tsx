// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { FakeApi } from '../testing/fake-api.test-support';
import { renderWithApi } from '../testing/render.test-support';
import { ScreenBoundary } from './ScreenBoundary';

function Broken(): never {
  throw new Error('figures missing');
}

describe('ScreenBoundary', () => {
  it('shows a broken screen as a message with a way back, not a blank till', async () => {
    const user = userEvent.setup();
    const onBack = vi.fn();
    // React logs the caught error; the test expects it.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await renderWithApi(
      <ScreenBoundary onBack={onBack}>
        <Broken />
      </ScreenBoundary>,
      new FakeApi(),
    );
    const failed = screen.getByTestId('screen-failed');
    expect(failed.textContent).toContain('This screen stopped working: figures missing');
    await user.click(screen.getByRole('button', { name: 'Back to selling' }));
    expect(onBack).toHaveBeenCalledTimes(1);
  });
});
