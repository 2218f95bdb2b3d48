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
      <button
        type="button"
        className="key key-wide"
        onClick={() => onKey('Backspace')}
        aria-label="Backspace"
      >
        ⌫
      </button>
      <button type="button" className="key key-wide" onClick={() => onKey('Clear')}>
        {t('pay.clear')}
      </button>
    </div>
  );
}
