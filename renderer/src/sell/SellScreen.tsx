import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintedPage, PrinterStatus, Settings } from '@app/api/contract';
import type { Discount } from '@app/cart/cart-types';
import type { Product } from '@app/catalog/product';
import type { Result } from '@app/result';
import type { SaleRecord } from '@app/sale/sale';
import { minorUnits } from '@app/money/currency';
import { parseDecimal } from '@app/money/format';
import { useApi, useEvent } from '../api/api-context';
import { useQuery } from '../api/useQuery';
import type { Notice } from '../common/notices';
import { useCardMessage, useCardName, useErrorText, useMoney } from '../common/format';
import { CartTable } from './CartTable';
import { ScanBar } from './ScanBar';
import { isTextField, useKeyboardWedge } from '../common/useKeyboardWedge';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { TotalsPanel } from './TotalsPanel';
import { PayDialog } from './PayDialog';
import { AmountDialog } from './AmountDialog';
import { SaleDone } from './SaleDone';
import { TouchGrid } from './TouchGrid';
import { parseKg } from '@app/catalog/weight';
import { HeldListDialog, HoldDialog } from './HoldDialogs';
import { MemberDialog } from './MemberDialog';
import { PendingCorrectionBanner } from '../history/PendingCorrectionBanner';
import { usePendingCorrection } from '../history/usePendingCorrection';

type Editing =
  | { kind: 'none' }
  | { kind: 'pay' }
  | { kind: 'quantity'; lineId: string }
  | { kind: 'discount'; lineId: string | null }
  | { kind: 'weight'; product: Product }
  | { kind: 'hold' }
  | { kind: 'clear' }
  | { kind: 'held' }
  | { kind: 'member' };

interface Props {
  settings: Settings;
  printer: PrinterStatus | null;
  notify: (notice: Notice | null) => void;
}

/** The cashier's screen: scan, adjust, pay, hand back change, next customer. */
export function SellScreen({ settings, printer, notify }: Props) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const errorText = useErrorText();
  const cardMessage = useCardMessage();
  const cardName = useCardName();
  const money = useMoney();
  // The cart as main last told it: read once, then every cart.changed (a scan, the serial
  // scanner, a recall) replaces it.
  const cartQuery = useQuery('cart.get', {});
  const cart = cartQuery.data;
  const [selected, setSelected] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing>({ kind: 'none' });
  const [done, setDone] = useState<SaleRecord | null>(null);
  const [pages, setPages] = useState<PrintedPage[]>([]);
  const [focusToken, setFocusToken] = useState(0);
  // What went wrong in the open dialog: said there, where the cashier is looking.
  const [dialogError, setDialogError] = useState<string | null>(null);
  // The customer on the sale and the held sales follow the cart.
  const memberQuery = useQuery('members.current', {}, ['cart.changed']);
  const member = memberQuery.data;
  const held = useQuery('hold.list', {}, ['cart.changed']);
  const heldCount = held.data?.length ?? 0;
  // An unfinished void or refund stays in sight while selling (issue #6).
  const pendingCorrection = usePendingCorrection();
  useEvent('cart.changed', (view) => {
    cartQuery.set(view);
    if (view.lastLineId) setSelected(view.lastLineId);
  });
  useEvent('printer.page', (page) => setPages((current) => [...current.slice(-4), page]));
  // A swipe outside the pay dialog's Card swipe is read, masked and answered; the payment
  // itself takes the swipe in main (payment.swipe).
  useEvent('devices.swipe', (swipe) =>
    notify(
      swipe.ok
        ? {
            kind: 'info',
            text: t('sell.cardRead', {
              pan: swipe.maskedPan,
              card: cardName(swipe.brand, swipe.kind),
            }),
          }
        : {
            kind: 'error',
            text: t('sell.cardFailed', { reason: cardMessage(swipe.code, swipe.message) }),
          },
    ),
  );

  /**
   * Runs a cart command; an error leaves the cart as it was and is said on the screen, or in
   * the dialog it came from (the focus stays in the dialog then, never the scan field behind).
   */
  const run = useCallback(
    async <T,>(
      call: Promise<Result<T>>,
      from: 'screen' | 'dialog' = 'screen',
    ): Promise<T | null> => {
      const result = await call;
      if (from === 'screen') setFocusToken((n) => n + 1);
      if (!result.ok) {
        if (from === 'dialog') setDialogError(errorText(result.error));
        else notify({ kind: 'error', text: errorText(result.error) });
        return null;
      }
      setDialogError(null);
      notify(null);
      return result.value;
    },
    [notify, errorText],
  );

  /** A product sold by weight, scanned by its shelf code or picked: the cashier weighs it. */
  const askWeight = async (productId: string) => {
    const product = await api.invoke('catalog.get', { productId });
    if (product.ok) setEditing({ kind: 'weight', product: product.value });
    else notify({ kind: 'error', text: errorText(product.error) });
  };
  const scan = (code: string) => {
    if (done) setDone(null);
    void api.invoke('cart.scan', { code }).then((result) => {
      const productId = result.ok ? undefined : result.error.params?.productId;
      if (!result.ok && result.error.code === 'weight_required' && typeof productId === 'string') {
        void askWeight(productId);
        return;
      }
      void run(Promise.resolve(result));
    });
  };
  // The serial scanner's codes take the keyboard scanner's path (and its messages).
  useEvent('devices.scan', ({ code }) => scan(code));
  const pick = (product: Product) => {
    if (product.unit === 'kg') setEditing({ kind: 'weight', product });
    else void run(api.invoke('cart.addProduct', { productId: product.id }));
  };
  const paid = (sale: SaleRecord) => {
    notify(null);
    setEditing({ kind: 'none' });
    setDone(sale);
  };
  const closeDialog = () => {
    setEditing({ kind: 'none' });
    setDialogError(null);
    setFocusToken((n) => n + 1);
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (editing.kind !== 'none' || done) return;
      // Function keys work everywhere; Delete edits the text of a field it is pressed in
      // (the scan field, when empty, removes the line itself).
      if (event.key === 'Delete' && isTextField(event.target)) return;
      if (event.key === 'F12' && cart && cart.lines.length > 0) {
        event.preventDefault();
        setEditing({ kind: 'pay' });
      } else if (event.key === 'F2') {
        event.preventDefault();
        setFocusToken((n) => n + 1);
      } else if (event.key === 'Delete' && selected) {
        event.preventDefault();
        void run(api.invoke('cart.removeLine', { lineId: selected }));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [api, cart, done, editing, run, selected]);

  // With focus on a button (after a tap on a chip or a tab), a scanner's burst still adds
  // the item; a person's key brings the focus back to the scan field, Enter still presses.
  useKeyboardWedge(
    scan,
    (key) => {
      const active = document.activeElement;
      if (key === 'Enter' && active instanceof HTMLButtonElement) active.click();
      else if (key.length === 1) setFocusToken((n) => n + 1);
    },
    editing.kind === 'none' && !done,
  );

  if (!cart) return null;
  if (done) {
    return (
      <SaleDone
        sale={done}
        // The receipt carries the sale id in its QR code: show the page printed for this sale.
        receipt={
          pages.find((page) => page.lines.some((l) => l.kind === 'qr' && l.data === done.id)) ??
          null
        }
        printer={printer}
        onScan={scan}
        onNext={() => {
          setDone(null);
          setFocusToken((n) => n + 1);
        }}
      />
    );
  }

  const decimals = minorUnits(cart.currency);
  const applyDiscount = (lineId: string | null, mode: string, text: string) => {
    const discount: Discount | null =
      mode === 'percent'
        ? toPercent(text)
        : ((minor) => (minor === null ? null : { kind: 'amount', minor }))(
            parseDecimal(text, cart.currency),
          );
    if (!discount) {
      setDialogError(t('errors.invalid_discount'));
      return;
    }
    const call = lineId
      ? api.invoke('cart.setLineDiscount', { lineId, discount })
      : api.invoke('cart.setOrderDiscount', { discount });
    void run(call, 'dialog').then((view) => view && closeDialog());
  };
  const clearDiscount = (lineId: string | null) => {
    const call = lineId
      ? api.invoke('cart.setLineDiscount', { lineId, discount: null })
      : api.invoke('cart.setOrderDiscount', { discount: null });
    void run(call, 'dialog').then((view) => view && closeDialog());
  };

  return (
    <div className="sell">
      <section className="sell-left">
        {pendingCorrection && (
          <PendingCorrectionBanner pending={pendingCorrection} notify={notify} compact />
        )}
        <ScanBar
          currency={cart.currency}
          onScan={scan}
          onPick={pick}
          onDeleteLine={() => {
            if (selected) void run(api.invoke('cart.removeLine', { lineId: selected }));
          }}
          focusToken={focusToken}
        />
        <CartTable
          cart={cart}
          selectedLineId={selected}
          onSelect={setSelected}
          onQuantity={(lineId, quantity) =>
            void run(api.invoke('cart.setQuantity', { lineId, quantity }))
          }
          onEditQuantity={(lineId) => setEditing({ kind: 'quantity', lineId })}
          onDiscount={(lineId) => setEditing({ kind: 'discount', lineId })}
          onRemove={(lineId) => void run(api.invoke('cart.removeLine', { lineId }))}
        />
      </section>
      <TouchGrid currency={cart.currency} onPick={pick} />
      <aside className="sell-right">
        <TotalsPanel cart={cart} settings={settings} />
        {member?.customer && (
          <div className="member-strip" data-testid="member-strip">
            <span>
              {t('members.on', {
                name: member.customer.name,
                phone: member.customer.phone,
                points: member.customer.points,
              })}
            </span>
            {member.pointsRedeemed > 0 && (
              <span>
                {t('members.redeemed', {
                  points: member.pointsRedeemed,
                  value: money(member.redeemedValueMinor, cart.currency),
                })}
              </span>
            )}
          </div>
        )}
        <div className="sell-actions">
          <button
            type="button"
            className="secondary"
            disabled={cart.lines.length === 0}
            onClick={() => setEditing({ kind: 'discount', lineId: null })}
            data-testid="order-discount"
          >
            {t('cart.orderDiscount')}
          </button>
          <button
            type="button"
            className="secondary danger"
            disabled={cart.lines.length === 0}
            onClick={() => setEditing({ kind: 'clear' })}
            data-testid="cart-clear"
          >
            {t('cart.clear')}
          </button>
          <button
            type="button"
            className="secondary"
            onClick={() => setEditing({ kind: 'member' })}
            data-testid="member-open"
          >
            {t('members.button')}
          </button>
          <button
            type="button"
            className="secondary"
            disabled={cart.lines.length === 0}
            onClick={() => setEditing({ kind: 'hold' })}
            data-testid="hold-open"
          >
            {t('hold.hold')}
          </button>
          <button
            type="button"
            className="secondary"
            disabled={heldCount === 0}
            onClick={() => setEditing({ kind: 'held' })}
            data-testid="held-open"
          >
            {t('hold.list', { n: heldCount })}
          </button>
          <button
            type="button"
            className="primary pay-button"
            data-testid="pay-cash"
            disabled={cart.lines.length === 0}
            onClick={() => setEditing({ kind: 'pay' })}
          >
            {t('pay.cash')} (F12)
          </button>
        </div>
      </aside>

      {editing.kind === 'clear' && (
        <ConfirmDialog
          title={t('cart.clearTitle')}
          question={t('cart.clearConfirm')}
          onNo={closeDialog}
          onYes={() => void run(api.invoke('cart.clear', {}), 'dialog').then(closeDialog)}
          testId="clear-dialog"
        />
      )}
      {editing.kind === 'hold' && (
        <HoldDialog
          onCancel={closeDialog}
          error={dialogError}
          onHold={(note) =>
            void run(api.invoke('hold.park', { note }), 'dialog').then((held) => {
              if (!held) return;
              closeDialog();
              notify({ kind: 'info', text: t('hold.held', { note: held.note || '—' }) });
            })
          }
        />
      )}
      {editing.kind === 'held' && (
        <HeldListDialog
          onClose={() => {
            held.refresh();
            closeDialog();
          }}
          onRecalled={(held) => {
            closeDialog();
            notify({ kind: 'info', text: t('hold.recalled', { note: held.note || '—' }) });
          }}
        />
      )}
      {editing.kind === 'member' && member && (
        <MemberDialog
          member={member}
          currency={cart.currency}
          onChange={memberQuery.set}
          onClose={closeDialog}
        />
      )}
      {editing.kind === 'pay' && (
        <PayDialog cart={cart} onDone={paid} onCancel={closeDialog} onScan={scan} />
      )}
      {editing.kind === 'quantity' && (
        <AmountDialog
          title={t('qty.title')}
          decimals={3}
          error={dialogError}
          onScan={scan}
          onCancel={closeDialog}
          onApply={(_mode, text) => {
            void run(
              api.invoke('cart.setQuantity', { lineId: editing.lineId, quantity: Number(text) }),
              'dialog',
            ).then((view) => view && closeDialog());
          }}
        />
      )}
      {editing.kind === 'weight' && (
        <AmountDialog
          title={t('weight.title', {
            name: i18n.language === 'zh-CN' ? editing.product.nameZh : editing.product.nameEn,
          })}
          modes={[{ id: 'kg', label: t('weight.kg'), decimals: 3 }]}
          error={dialogError}
          onScan={scan}
          onCancel={closeDialog}
          onApply={(_mode, text) => {
            const grams = parseKg(text);
            if (grams === null || grams === 0) {
              setDialogError(t('errors.invalid_weight'));
              return;
            }
            void run(
              api.invoke('cart.addProduct', { productId: editing.product.id, grams }),
              'dialog',
            ).then((view) => view && closeDialog());
          }}
        />
      )}
      {editing.kind === 'discount' && (
        <AmountDialog
          title={editing.lineId ? t('discount.title') : t('cart.orderDiscount')}
          modes={[
            { id: 'percent', label: t('discount.percent'), decimals: 2 },
            { id: 'amount', label: t('discount.amount'), decimals },
          ]}
          error={dialogError}
          onScan={scan}
          onCancel={closeDialog}
          onApply={(mode, text) => applyDiscount(editing.lineId, mode, text)}
          onClear={() => clearDiscount(editing.lineId)}
          clearLabel={t('discount.remove')}
        />
      )}
    </div>
  );
}

/** "12.5" percent → 1250 basis points, exactly (no float): at most two decimals. */
function toPercent(text: string): Discount | null {
  const match = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) return null;
  const bp = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return bp <= 10_000 ? { kind: 'percent', bp } : null;
}
