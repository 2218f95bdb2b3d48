import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The foot of the void and refund dialogs: what is happening while the money goes back, why
 * it did not, Cancel (held while busy), and the dialog's own confirm button as `children`.
 */
export function CorrectionActions({
  testPrefix,
  busy,
  working,
  error,
  onCancel,
  children,
}: {
  testPrefix: 'void' | 'refund';
  busy: boolean;
  working: string;
  error: string | null;
  onCancel: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      {busy && (
        <p className="working" role="status" data-testid={`${testPrefix}-working`}>
          {working}
        </p>
      )}
      {error && (
        <div className="notice notice-error" role="alert" data-testid={`${testPrefix}-error`}>
          {error}
        </div>
      )}
      <div className="dialog-actions">
        <button
          type="button"
          className="secondary"
          onClick={onCancel}
          disabled={busy}
          data-testid={`${testPrefix}-cancel`}
        >
          {t('correction.cancel')}
        </button>
        {children}
      </div>
    </>
  );
}
