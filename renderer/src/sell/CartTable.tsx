import { useTranslation } from 'react-i18next';
import type { CartView } from '@app/api/contract';
import { formatKg } from '@app/catalog/weight';
import { useMoney } from '../common/format';

interface Props {
  cart: CartView;
  selectedLineId: string | null;
  onSelect: (lineId: string) => void;
  onQuantity: (lineId: string, quantity: number) => void;
  onEditQuantity: (lineId: string) => void;
  onDiscount: (lineId: string) => void;
  onRemove: (lineId: string) => void;
}

export function CartTable({
  cart,
  selectedLineId,
  onSelect,
  onQuantity,
  onEditQuantity,
  onDiscount,
  onRemove,
}: Props) {
  const { t, i18n } = useTranslation();
  const money = useMoney();
  if (cart.lines.length === 0) {
    return <div className="cart-empty">{t('cart.empty')}</div>;
  }
  const zh = i18n.language === 'zh-CN';
  return (
    <table className="cart" data-testid="cart">
      <thead>
        <tr>
          <th className="col-name">{t('cart.item')}</th>
          <th className="col-qty">{t('cart.qty')}</th>
          <th className="col-money col-price">{t('cart.price')}</th>
          <th className="col-money">{t('cart.amount')}</th>
          <th className="col-actions" />
        </tr>
      </thead>
      <tbody>
        {cart.lines.map((line, i) => {
          const totals = cart.lineTotals[i];
          const discount = totals ? totals.lineDiscountMinor + totals.orderDiscountMinor : 0;
          return (
            <tr
              key={line.lineId}
              className={line.lineId === selectedLineId ? 'selected' : ''}
              onClick={() => onSelect(line.lineId)}
              data-testid="cart-line"
            >
              <td className="col-name">
                <div className="line-name" title={zh ? line.nameZh : line.nameEn}>
                  {zh ? line.nameZh : line.nameEn}
                </div>
                <div className="line-sub">
                  {zh ? line.nameEn : line.nameZh} · {line.barcode}
                  {discount > 0 && (
                    <span className="line-discount">
                      {' '}
                      · {t('cart.discount')} −{money(discount, cart.currency)}
                    </span>
                  )}
                </div>
              </td>
              <td className="col-qty">
                {line.measure?.kind === 'weight' ? (
                  <div className="qty-weight" data-testid="line-weight">
                    {line.quantity > 1 ? `${String(line.quantity)} × ` : ''}
                    {formatKg(line.measure.grams)} kg
                  </div>
                ) : (
                  <div className="qty">
                    <button
                      type="button"
                      aria-label="−"
                      disabled={line.quantity <= 1}
                      onClick={() => onQuantity(line.lineId, line.quantity - 1)}
                    >
                      −
                    </button>
                    <button
                      type="button"
                      className="qty-value"
                      onClick={() => onEditQuantity(line.lineId)}
                    >
                      {line.quantity}
                    </button>
                    <button
                      type="button"
                      aria-label="+"
                      onClick={() => onQuantity(line.lineId, line.quantity + 1)}
                    >
                      +
                    </button>
                  </div>
                )}
              </td>
              <td className="col-money col-price">
                {money(line.unitPriceMinor, cart.currency)}
                {line.measure?.kind === 'weight' ? '/kg' : ''}
              </td>
              <td className="col-money line-net">
                {totals ? money(totals.netMinor, cart.currency) : ''}
              </td>
              <td className="col-actions">
                <button type="button" className="ghost" onClick={() => onDiscount(line.lineId)}>
                  %
                </button>
                <button
                  type="button"
                  className="ghost danger"
                  aria-label={t('cart.remove')}
                  onClick={() => onRemove(line.lineId)}
                >
                  ×
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
