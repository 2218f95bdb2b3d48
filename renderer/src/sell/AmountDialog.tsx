import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../common/Dialog';
import { Keypad } from '../common/Keypad';
import { useAmountEntry } from '../common/useAmountEntry';
import { useKeyboardWedge } from '../common/useKeyboardWedge';

interface Props {
  title: string;
  /** Choices shown as tabs, e.g. percent / amount; none for a plain number. */
  modes?: { id: string; label: string; decimals: number }[];
  /** Decimals of a plain number: a quantity keeps "2.5" as typed, for main to judge. */
  decimals?: number;
  /** Why the last Apply failed, shown in the dialog. */
  error?: string | null;
  onApply: (mode: string, text: string) => void;
  onClear?: () => void;
  clearLabel?: string;
  onCancel: () => void;
  /** A scan while the dialog is open goes to the cart, never into the number. */
  onScan: (code: string) => void;
}

/** A number entered on the keypad: quantity, or a discount by percent or amount. */
export function AmountDialog({
  title,
  modes,
  decimals = 0,
  error = null,
  onApply,
  onClear,
  clearLabel,
  onCancel,
  onScan,
}: Props) {
  const { t } = useTranslation();
  const [mode, setMode] = useState(modes?.[0]?.id ?? 'number');
  const entry = useAmountEntry(modes?.find((m) => m.id === mode)?.decimals ?? decimals);
  const text = entry.text;
  const onKey = (key: string) => {
    if (key === 'Enter') {
      if (entry.current() !== '') onApply(mode, entry.current());
    } else if (key === 'Escape') onCancel();
    else entry.press(key);
  };
  useKeyboardWedge(onScan, onKey);
  return (
    <Dialog title={title} testId="amount-dialog" error={error}>
      {modes && (
        <div className="segmented">
          {modes.map((m) => (
            <button
              key={m.id}
              type="button"
              className={m.id === mode ? 'active' : ''}
              onClick={() => {
                setMode(m.id);
                entry.set('');
              }}
            >
              {m.label}
            </button>
          ))}
        </div>
      )}
      <div className="amount-display" data-testid="amount-display">
        {text || '0'}
        {mode === 'percent' ? ' %' : ''}
      </div>
      <Keypad onKey={onKey} />
      <div className="dialog-actions">
        {onClear && (
          <button type="button" className="secondary" onClick={onClear}>
            {clearLabel}
          </button>
        )}
        <button type="button" className="secondary" onClick={onCancel}>
          {t('pay.cancel')} (Esc)
        </button>
        <button
          type="button"
          className="primary"
          disabled={text === ''}
          onClick={() => onApply(mode, text)}
        >
          {t('discount.apply')} (Enter)
        </button>
      </div>
    </Dialog>
  );
}
