import { useImperativeHandle, useRef, useState } from 'react';
import type { Ref, SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';

const MAX_LENGTH = 64;

export interface FindReceiptHandle {
  /** Types one key at the end of the field and focuses it. */
  type(key: string): void;
}

interface Props {
  /** Looks the receipt up; the translated reason when there is none. */
  onFind: (query: string) => Promise<string | null>;
  /**
   * Set here to the function that types a key into the field and focuses it: the screen
   * calls it for a key typed while the focus was elsewhere, so that key is not lost.
   */
  typeInto: Ref<FindReceiptHandle>;
}

/**
 * "Find receipt": a typed receipt number, or the receipt's QR code (the sale id) scanned by
 * a keyboard-wedge scanner into this field, which ends with Enter. What was typed stays when
 * nothing is found, so it can be corrected.
 */
export function FindReceipt({ onFind, typeInto }: Props) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useImperativeHandle(
    typeInto,
    () => ({
      type: (key) => {
        input.current?.focus();
        setText((current) => (current + key).slice(0, MAX_LENGTH));
        setError(null);
      },
    }),
    [],
  );

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
          maxLength={MAX_LENGTH}
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
