import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CategoryView, ProductInput } from '@app/api/contract';
import type { Product } from '@app/catalog/product';
import type { CurrencyCode } from '@app/money/currency';
import { parseDecimal, toDecimalString } from '@app/money/format';
import { rateText } from '@app/tax/tax-class';
import type { NamedTaxClass } from '@app/tax/tax-class';
import { useApi } from '../api/api-context';
import { Dialog } from '../common/Dialog';
import type { Notice } from '../common/notices';
import { useErrorText } from '../common/format';

interface Props {
  /** null: a new product. */
  product: Product | null;
  categories: CategoryView[];
  currency: CurrencyCode;
  notify: (notice: Notice | null) => void;
  onClose: () => void;
}

/** Adding or changing one product; main checks it and says what is wrong, field by field. */
export function ProductForm({ product, categories, currency, notify, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const errorText = useErrorText();
  const money = (minor: number | null) => (minor === null ? '' : toDecimalString(minor, currency));
  const [draft, setDraft] = useState({
    sku: product?.sku ?? '',
    barcode: product?.barcode ?? '',
    extraBarcodes: product?.extraBarcodes.join(' ') ?? '',
    nameEn: product?.nameEn ?? '',
    nameZh: product?.nameZh ?? '',
    price: money(product?.priceMinor ?? null),
    cost: money(product?.costMinor ?? null),
    taxClass: product?.taxClass ?? 'standard',
    categoryId: product?.categoryId ?? '',
    unit: product?.unit ?? 'piece',
    plu: product?.plu ?? '',
    trackStock: product?.trackStock ?? false,
    favourite: product?.favourite ?? false,
  });
  const [error, setError] = useState<string | null>(null);
  const [taxClasses, setTaxClasses] = useState<NamedTaxClass[]>([]);
  useEffect(() => {
    void api.invoke('settings.get', {}).then((r) => {
      // Without the classes the form still edits; saving keeps the class the product had.
      if (!r.ok) return setError(errorText(r.error));
      setTaxClasses(r.value.taxClasses);
      // A new product starts in the shop's first class.
      if (!product) setDraft((d) => ({ ...d, taxClass: r.value.taxClasses[0]?.id ?? d.taxClass }));
    });
  }, [api, product, errorText]);
  const set = <K extends keyof typeof draft>(key: K, value: (typeof draft)[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const zh = i18n.language === 'zh-CN';

  const save = async (active: boolean) => {
    const price = draft.price.trim() === '' ? null : parseDecimal(draft.price, currency);
    const cost = draft.cost.trim() === '' ? null : parseDecimal(draft.cost, currency);
    if (draft.price.trim() !== '' && price === null) {
      return setError(t('errors.invalid_price', { price: draft.price }));
    }
    if (draft.cost.trim() !== '' && cost === null) {
      return setError(t('errors.invalid_price', { price: draft.cost }));
    }
    const input: ProductInput = {
      id: product?.id ?? null,
      sku: draft.sku,
      barcode: draft.barcode,
      extraBarcodes: draft.extraBarcodes.split(/[\s,|;]+/).filter(Boolean),
      nameEn: draft.nameEn,
      nameZh: draft.nameZh,
      priceMinor: price,
      costMinor: cost,
      taxClass: draft.taxClass,
      categoryId: draft.categoryId === '' ? null : draft.categoryId,
      unit: draft.unit,
      plu: draft.plu.trim() === '' ? null : draft.plu,
      active,
      trackStock: draft.trackStock,
      favourite: draft.favourite,
    };
    const result = await api.invoke('catalog.save', { product: input });
    if (!result.ok) return setError(errorText(result.error));
    notify({ kind: 'info', text: t('catalog.saved', { sku: result.value.sku }) });
    onClose();
  };

  const text = (
    key: 'sku' | 'barcode' | 'extraBarcodes' | 'nameEn' | 'nameZh' | 'price' | 'cost' | 'plu',
    label: string,
    extra: { inputMode?: 'decimal' | 'numeric' } = {},
  ) => (
    <label>
      {label}
      <input
        value={draft[key]}
        onChange={(e) => set(key, e.target.value)}
        data-testid={`product-${key}`}
        {...extra}
      />
    </label>
  );

  return (
    <Dialog
      title={product ? t('catalog.editProduct') : t('catalog.newProduct')}
      testId="product-form"
    >
      <form
        className="product-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save(product?.active ?? true);
        }}
      >
        {text('sku', t('catalog.field.sku'))}
        {text('barcode', t('catalog.field.barcode'), { inputMode: 'numeric' })}
        {text('nameEn', t('catalog.field.nameEn'))}
        {text('nameZh', t('catalog.field.nameZh'))}
        {text(
          'price',
          draft.unit === 'kg' ? t('catalog.field.pricePerKg') : t('catalog.field.price'),
          { inputMode: 'decimal' },
        )}
        {text('cost', t('catalog.field.cost'), { inputMode: 'decimal' })}
        <label>
          {t('catalog.field.unit')}
          <select
            value={draft.unit}
            onChange={(e) => set('unit', e.target.value as typeof draft.unit)}
            data-testid="product-unit"
          >
            <option value="piece">{t('catalog.unit.piece')}</option>
            <option value="kg">{t('catalog.unit.kg')}</option>
          </select>
        </label>
        <label>
          {t('catalog.field.taxClass')}
          <select
            value={draft.taxClass}
            onChange={(e) => set('taxClass', e.target.value)}
            data-testid="product-tax-class"
          >
            {taxClasses.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name} {rateText(c.rateBp)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('catalog.category')}
          <select
            value={draft.categoryId}
            onChange={(e) => set('categoryId', e.target.value)}
            data-testid="product-category"
          >
            <option value="">—</option>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {zh ? c.nameZh : c.nameEn}
              </option>
            ))}
          </select>
        </label>
        {text('plu', t('catalog.field.plu'), { inputMode: 'numeric' })}
        {text('extraBarcodes', t('catalog.field.extraBarcodes'))}
        <label className="check">
          <input
            type="checkbox"
            checked={draft.favourite}
            onChange={(e) => set('favourite', e.target.checked)}
          />
          {t('grid.favourite')}
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={draft.trackStock}
            onChange={(e) => set('trackStock', e.target.checked)}
          />
          {t('catalog.field.trackStock')}
        </label>
        {error && (
          <div className="notice notice-error form-error" role="alert" data-testid="product-error">
            {error}
          </div>
        )}
        <div className="dialog-actions">
          {product && (
            <button
              type="button"
              className="secondary danger"
              onClick={() => void save(!product.active)}
              data-testid="product-toggle-active"
            >
              {product.active ? t('catalog.deactivate') : t('catalog.activate')}
            </button>
          )}
          <button type="button" className="secondary" onClick={onClose}>
            {t('sync.cancel')}
          </button>
          <button type="submit" className="primary" data-testid="product-save">
            {t('catalog.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
