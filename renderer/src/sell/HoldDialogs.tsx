import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HeldSaleView } from '@app/api/contract';
import { useApi } from '../api/api-context';
import { Dialog } from '../common/Dialog';
import { useErrorText, useMoney } from '../common/format';
import './selling.css';

/** Park the current sale: a short note so the cashier knows whose basket it is. */
export function HoldDialog({
  onHold,
  onCancel,
  error,
}: {
  onHold: (note: string) => void;
  onCancel: () => void;
  error: string | null;
}) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  return (
    <Dialog title={t('hold.title')} testId="hold-dialog" onCancel={onCancel} error={error}>
      <form
        className="selling-form"
        onSubmit={(event) => {
          event.preventDefault();
          onHold(note);
        }}
      >
        <label>
          {t('hold.note')}
          <input
            value={note}
            maxLength={80}
            onChange={(e) => setNote(e.target.value)}
            data-testid="hold-note"
          />
        </label>
        <div className="dialog-actions">
          <button type="button" className="secondary big" onClick={onCancel}>
            {t('selling.cancel')}
          </button>
          <button type="submit" className="primary big" data-testid="hold-save">
            {t('hold.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/**
 * Held sales, oldest first: recall one into the empty cart, or throw it away with a reason
 * (a manager's; a cashier gets the override PIN dialog). Errors show here, in the dialog.
 */
export function HeldListDialog({
  onRecalled,
  onClose,
}: {
  onRecalled: (held: HeldSaleView) => void;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const money = useMoney();
  const errorText = useErrorText();
  const [held, setHeld] = useState<HeldSaleView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [discarding, setDiscarding] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const load = useCallback(() => {
    void api.invoke('hold.list', {}).then((r) => {
      if (r.ok) setHeld(r.value);
      else setError(errorText(r.error));
    });
  }, [api, errorText]);
  useEffect(load, [load]);

  const recall = async (sale: HeldSaleView) => {
    const result = await api.invoke('hold.recall', { heldId: sale.id });
    if (result.ok) onRecalled(sale);
    else setError(errorText(result.error));
  };
  const discard = async (id: string) => {
    const result = await api.invoke('hold.discard', { heldId: id, reason });
    if (!result.ok) {
      setError(errorText(result.error));
      return;
    }
    setDiscarding(null);
    setReason('');
    setError(null);
    load();
  };

  return (
    <Dialog title={t('hold.listTitle')} testId="held-list">
      {error && (
        <p className="danger" role="alert" data-testid="held-error">
          {error}
        </p>
      )}
      {held?.length === 0 && <p className="muted">{t('hold.none')}</p>}
      {held && held.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th>{t('hold.noteColumn')}</th>
              <th>{t('hold.when')}</th>
              <th>{t('hold.by')}</th>
              <th className="col-money">{t('hold.total')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {held.map((sale) => (
              <tr key={sale.id} data-testid="held-row">
                <td>{sale.note || '—'}</td>
                <td>{new Date(sale.heldAt).toLocaleTimeString(i18n.language)}</td>
                <td>{sale.operatorName}</td>
                <td className="col-money">{money(sale.totalMinor, sale.currency)}</td>
                <td>
                  {discarding === sale.id ? (
                    <form
                      className="row-actions"
                      onSubmit={(e) => {
                        e.preventDefault();
                        void discard(sale.id);
                      }}
                    >
                      <input
                        autoFocus
                        required
                        maxLength={120}
                        placeholder={t('hold.discardReason')}
                        aria-label={t('hold.discardReason')}
                        value={reason}
                        onChange={(e) => setReason(e.target.value)}
                        data-testid="held-discard-reason"
                      />
                      <button
                        type="submit"
                        className="secondary danger"
                        data-testid="held-discard-confirm"
                      >
                        {t('hold.discard')}
                      </button>
                    </form>
                  ) : (
                    <div className="row-actions">
                      <button
                        type="button"
                        className="primary"
                        onClick={() => void recall(sale)}
                        data-testid="held-recall"
                      >
                        {t('hold.recall')}
                      </button>
                      <button
                        type="button"
                        className="secondary danger"
                        onClick={() => setDiscarding(sale.id)}
                        data-testid="held-discard"
                      >
                        {t('hold.discard')}
                      </button>
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="dialog-actions">
        <button type="button" className="secondary big" onClick={onClose} data-testid="held-close">
          {t('selling.close')}
        </button>
      </div>
    </Dialog>
  );
}
