// @vitest-environment jsdom
import { useState } from 'react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { FakeApi } from '../testing/fake-api.test-support';
import { renderWithApi } from '../testing/render.test-support';
import { Dialog } from './Dialog';
import { useNotify } from './notices';

function NoteForm() {
  const notify = useNotify();
  return (
    <>
      <input data-testid="note" />
      <button type="button" onClick={() => notify({ kind: 'error', text: 'Note too long' })}>
        Save
      </button>
    </>
  );
}

function Page({ onCancel = () => undefined }: { onCancel?: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <input data-testid="scan" />
      <button type="button" onClick={() => setOpen(true)}>
        Hold
      </button>
      {open && (
        <Dialog
          title="Hold"
          testId="dialog"
          onCancel={() => {
            onCancel();
            setOpen(false);
          }}
        >
          <NoteForm />
        </Dialog>
      )}
    </>
  );
}

describe('Dialog', () => {
  it('focuses its first field, keeps Tab inside and gives the focus back on close', async () => {
    const user = userEvent.setup();
    await renderWithApi(<Page />, new FakeApi());
    const opener = screen.getByRole('button', { name: 'Hold' });
    await user.click(opener);
    const dialog = await screen.findByTestId('dialog');
    expect(document.activeElement).toBe(within(dialog).getByTestId('note'));
    await user.tab();
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Save' }));
    await user.tab();
    expect(document.activeElement).toBe(within(dialog).getByTestId('note'));
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Save' }));
    dialog.dispatchEvent(new Event('cancel', { cancelable: true }));
    await waitFor(() => expect(screen.queryByTestId('dialog')).toBeNull());
    expect(document.activeElement).toBe(opener);
  });

  it('says an error raised inside it on its own line, not in the screen notice behind', async () => {
    const user = userEvent.setup();
    const onCancel = vi.fn();
    await renderWithApi(<Page onCancel={onCancel} />, new FakeApi());
    await user.click(screen.getByRole('button', { name: 'Hold' }));
    const dialog = await screen.findByTestId('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(within(dialog).getByTestId('dialog-error').textContent).toBe('Note too long');
    expect(screen.queryByTestId('notice-text')).toBeNull();
    expect(dialog.contains(document.activeElement)).toBe(true);
    // Esc (the dialog's cancel event) goes to its owner, who closes it.
    const cancel = new Event('cancel', { cancelable: true });
    dialog.dispatchEvent(cancel);
    expect(cancel.defaultPrevented).toBe(true);
    expect(onCancel).toHaveBeenCalledTimes(1);
  });
});
