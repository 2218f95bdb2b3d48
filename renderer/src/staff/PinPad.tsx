import { useState } from 'react';
import { useTranslation } from 'react-i18next';

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

/**
 * A PIN pad for touch and keyboard: digits typed or tapped, Backspace, Enter submits. The
 * PIN shows as dots and is dropped once submitted.
 */
export function PinPad({
  onSubmit,
  busy = false,
  testId = 'pin',
}: {
  onSubmit: (pin: string) => void;
  busy?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const press = (key: string) => {
    if (busy) return;
    if (key === 'Backspace') setPin((p) => p.slice(0, -1));
    else if (key === 'Clear') setPin('');
    else if (key === 'Enter') {
      if (pin.length >= 4) {
        onSubmit(pin);
        setPin('');
      }
    } else if (/^\d$/.test(key)) setPin((p) => (p.length < 8 ? p + key : p));
  };
  return (
    <div className="pin-pad" data-testid={`${testId}-pad`}>
      <input
        className="pin-display"
        type="password"
        inputMode="numeric"
        autoComplete="off"
        aria-label={t('pin.title')}
        value={pin}
        autoFocus
        data-testid={`${testId}-input`}
        onChange={(e) => setPin(e.target.value.replace(/\D/g, '').slice(0, 8))}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            press('Enter');
          }
        }}
      />
      <div className="keypad">
        {DIGITS.map((d) => (
          <button key={d} type="button" className="key" onClick={() => press(d)}>
            {d}
          </button>
        ))}
        <button type="button" className="key key-wide" onClick={() => press('Clear')}>
          {t('pin.clear')}
        </button>
        <button type="button" className="key" onClick={() => press('0')}>
          0
        </button>
        <button
          type="button"
          className="key key-wide"
          onClick={() => press('Backspace')}
          aria-label="Backspace"
        >
          ⌫
        </button>
      </div>
      <button
        type="button"
        className="primary big"
        disabled={busy || pin.length < 4}
        onClick={() => press('Enter')}
        data-testid={`${testId}-enter`}
      >
        {t('pin.enter')}
      </button>
    </div>
  );
}
