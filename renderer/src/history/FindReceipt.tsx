import { useEffect, useRef, useState } from 'react';
import type { SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  /** Looks the receipt up; the translated reason when there is none. */
  onFind: (query: string) => Promise<string | null>;
  /** Bumped by the screen to bring the focus back here (a key typed elsewhere). */
  focusToken: number;
}

/**
 * "Find receipt": a typed receipt number, or the receipt's QR code (the sale id) scanned by
 * a keyboard-wedge scanner into this field, which ends with Enter. What was typed stays when
 * nothing is found, so it can be corrected.
 */
export function FindReceipt({ onFind, focusToken }: Props) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => input.current?.focus(), [focusToken]);

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    const query = text.trim();
    if (query === '' || busy) return;
    setBusy(true);
    const failed = await onFind(query);
    setBusy(false);
    setError(failed);
    if (failed === null) setText('');
    input.current?.focus();
  };

  return (
    <form className="find-receipt" onSubmit={(e) => void submit(e)} role="search">
      <label htmlFor="find-receipt">{t('correction.find.label')}</label>
      <div className="find-row">
        <input
          id="find-receipt"
          ref={input}
          className="scan-input"
          value={text}
          maxLength={64}
          onChange={(e) => {
            setText(e.target.value);
            setError(null);
          }}
          placeholder={t('correction.find.placeholder')}
          autoComplete="off"
          spellCheck={false}
          data-testid="find-receipt"
        />
        <button
          type="submit"
          className="primary"
          disabled={busy || text.trim() === ''}
          data-testid="find-submit"
        >
          {t('correction.find.go')}
        </button>
      </div>
      {error && (
        <div className="notice notice-error" role="alert" data-testid="find-error">
          {error}
        </div>
      )}
    </form>
  );
}
