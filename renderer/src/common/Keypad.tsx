import { useTranslation } from 'react-i18next';

const KEYS = ['7', '8', '9', '4', '5', '6', '1', '2', '3', '0', '00', '.'];

/** A touch keypad; the same keys also arrive from the keyboard through the parent. */
export function Keypad({ onKey }: { onKey: (key: string) => void }) {
  const { t } = useTranslation();
  return (
    <div className="keypad">
      {KEYS.map((key) => (
        <button key={key} type="button" className="key" onClick={() => onKey(key)}>
          {key}
        </button>
      ))}
      <button type="button" className="key key-wide" onClick={() => onKey('Backspace')} aria-label="Backspace">
        ⌫
      </button>
      <button type="button" className="key key-wide" onClick={() => onKey('Clear')}>
        {t('pay.clear')}
      </button>
    </div>
  );
}

/** Applies a key to an amount being typed: digits, one decimal point, at most `decimals` after it. */
export function typeAmount(current: string, key: string, decimals: number): string {
  if (key === 'Backspace') return current.slice(0, -1);
  if (key === 'Clear' || key === 'Escape') return '';
  if (key === '.') return decimals === 0 || current.includes('.') ? current : (current || '0') + '.';
  if (!/^\d+$/.test(key)) return current;
  const next = current === '0' ? key : current + key;
  const [, fraction = ''] = next.split('.');
  if (next.includes('.') && fraction.length > decimals) return current;
  return next.replace('.', '').length > 9 ? current : next;
}
