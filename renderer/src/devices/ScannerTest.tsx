import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Key {
  key: string;
  /** Milliseconds since the previous key (null for the first). */
  gapMs: number | null;
}

const KEEP_KEYS = 200;

/**
 * The scanner test: every key the field receives, with the gap before it. A wedge scanner
 * shows a burst of a few ms per key ending in Enter; a long gap in the middle explains a
 * scan that arrived as typing (the detector gives up after 50 ms).
 */
export function ScannerTest() {
  const { t } = useTranslation();
  const [keys, setKeys] = useState<Key[]>([]);
  const last = useRef<number | null>(null);
  const gaps = keys.flatMap((k) => (k.gapMs === null ? [] : [k.gapMs]));
  const slowest = gaps.length > 0 ? Math.max(...gaps) : null;
  return (
    <section className="panel" data-testid="scanner-test">
      <h2>{t('devices.scannerTest')}</h2>
      <p className="muted">{t('devices.scannerTest.what')}</p>
      <input
        className="scanner-test-input"
        placeholder={t('devices.scannerTest.placeholder')}
        onKeyDown={(event) => {
          event.preventDefault();
          const at = event.timeStamp;
          const gapMs = last.current === null ? null : at - last.current;
          last.current = at;
          setKeys((current) => [...current.slice(-KEEP_KEYS + 1), { key: event.key, gapMs }]);
        }}
        data-testid="scanner-test-input"
        readOnly
      />
      <div className="form-row">
        <button
          type="button"
          onClick={() => {
            setKeys([]);
            last.current = null;
          }}
        >
          {t('devices.scannerTest.clear')}
        </button>
        {slowest !== null && (
          <span data-testid="scanner-test-summary">
            {t('devices.scannerTest.summary', { n: keys.length, slowest: slowest.toFixed(0) })}
          </span>
        )}
      </div>
      <p className="key-trace" data-testid="scanner-test-keys">
        {keys.map((k, i) => (
          <span key={i} className={k.gapMs !== null && k.gapMs > 50 ? 'key-slow' : 'key'}>
            <code>{k.key === ' ' ? '␠' : k.key === 'Enter' ? '⏎' : k.key}</code>
            {k.gapMs !== null && <sub>{k.gapMs.toFixed(0)}</sub>}
          </span>
        ))}
      </p>
    </section>
  );
}
