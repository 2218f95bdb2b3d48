import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CorrectionView } from '@app/api/correction-schemas';
import type { AppError } from '@app/result';
import type { SaleSummary } from '@app/sale/sale';
import { useApi, useEvent } from '../api/api-context';
import type { Notice } from '../common/notices';
import { useErrorText } from '../common/format';
import { useKeyboardWedge } from '../common/useKeyboardWedge';
import type { CorrectionDone } from './correction-text';
import { useDoneText } from './correction-text';
import { FindReceipt } from './FindReceipt';
import type { FindReceiptHandle } from './FindReceipt';
import { PendingCorrectionBanner } from './PendingCorrectionBanner';
import { RefundDialog } from './RefundDialog';
import { SaleDetail } from './SaleDetail';
import { SaleList } from './SaleList';
import { usePendingCorrection } from './usePendingCorrection';
import { VoidDialog } from './VoidDialog';
import './history.css';

const PAGE = 50;

/**
 * Committed sales from the ledger, newest first; a receipt found by number or by scanning
 * its QR code; the sale's detail with what is left to give back, and its void (撤销) and
 * refund (退货).
 */
export function HistoryScreen({ notify }: { notify: (notice: Notice | null) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const errorText = useErrorText();
  const doneText = useDoneText();
  const pending = usePendingCorrection();
  const [sales, setSales] = useState<SaleSummary[]>([]);
  const [more, setMore] = useState(false);
  const [view, setView] = useState<CorrectionView | null>(null);
  const [dialog, setDialog] = useState<'none' | 'void' | 'refund'>('none');
  const [done, setDone] = useState<string | null>(null);
  const findField = useRef<FindReceiptHandle>(null);

  const [refreshed, setRefreshed] = useState(0);
  const load = useCallback(
    (beforeSeq?: number) =>
      api
        .invoke('sale.list', beforeSeq === undefined ? { limit: PAGE } : { limit: PAGE, beforeSeq })
        .then((result) => {
          if (!result.ok) return notify({ kind: 'error', text: errorText(result.error) });
          setSales((current) =>
            beforeSeq === undefined ? result.value : [...current, ...result.value],
          );
          setMore(result.value.length === PAGE);
        }),
    [api, notify, errorText],
  );
  useEffect(() => {
    void load();
  }, [load, refreshed]);
  useEvent('sale.committed', () => setRefreshed((n) => n + 1));

  const open = (next: CorrectionView) => {
    setView(next);
    setDone(null);
  };
  const show = async (saleId: string) => {
    const result = await api.invoke('correction.get', { saleId });
    if (result.ok) open(result.value);
    else notify({ kind: 'error', text: errorText(result.error) });
  };
  const find = async (query: string): Promise<string | null> => {
    const result = await api.invoke('correction.find', { query });
    if (!result.ok) return errorText(result.error);
    open(result.value);
    return null;
  };
  /** A scan that did not land in the field (focus on a button, or the serial scanner). */
  const scanned = (code: string) =>
    void find(code).then((failed) => failed && notify({ kind: 'error', text: failed }));
  useEvent('devices.scan', ({ code }) => {
    if (dialog === 'none') scanned(code);
  });
  // With the focus on a row or a button, a scanner's burst still finds the receipt; Enter and
  // Space still press the button; another key is typed into the field, which takes the focus.
  useKeyboardWedge(
    scanned,
    (key) => {
      const active = document.activeElement;
      if ((key === 'Enter' || key === ' ') && active instanceof HTMLButtonElement) active.click();
      else if (key.length === 1 && key !== ' ' && !document.querySelector('[aria-modal="true"]')) {
        findField.current?.type(key);
      }
    },
    dialog === 'none',
  );

  // What is left changes with every void, refund and pending leg: read it again.
  const saleId = view?.sale.id;
  const reload = useCallback(async () => {
    if (saleId === undefined) return;
    const result = await api.invoke('correction.get', { saleId });
    // The detail on show stays, marked out of date by the message, until a read succeeds.
    if (result.ok) setView(result.value);
    else notify({ kind: 'error', text: errorText(result.error) });
  }, [api, saleId, notify, errorText]);
  useEvent('correction.changed', () => void reload());

  const finished = (result: CorrectionDone) => {
    setDialog('none');
    if (view) setDone(doneText(result, view.sale.seq, view.sale.currency));
    notify(null);
    void reload();
    setRefreshed((n) => n + 1);
  };
  const leftPending = (error: AppError) => {
    setDialog('none');
    notify({ kind: 'error', text: errorText(error) });
    void reload();
  };
  const reprint = async (id: string) => {
    const result = await api.invoke('printer.reprint', { saleId: id });
    notify(result.ok ? null : { kind: 'error', text: errorText(result.error) });
  };

  return (
    <div className={pending ? 'history with-pending' : 'history'}>
      {pending && <PendingCorrectionBanner pending={pending} notify={notify} />}
      <section className="history-list">
        <h1>{t('history.title')}</h1>
        <FindReceipt onFind={find} typeInto={findField} />
        <SaleList
          sales={sales}
          openId={view?.sale.id ?? null}
          onOpen={(id) => void show(id)}
          more={more}
          onMore={() => void load(sales.at(-1)?.seq)}
        />
      </section>
      {view && (
        <SaleDetail
          view={view}
          done={done}
          onVoid={() => setDialog('void')}
          onRefund={() => setDialog('refund')}
          onReprint={() => void reprint(view.sale.id)}
        />
      )}
      {view && dialog === 'refund' && (
        <RefundDialog
          view={view}
          onCancel={() => setDialog('none')}
          onDone={finished}
          onPending={leftPending}
        />
      )}
      {view && dialog === 'void' && (
        <VoidDialog
          view={view}
          onCancel={() => setDialog('none')}
          onDone={finished}
          onPending={leftPending}
        />
      )}
    </div>
  );
}
