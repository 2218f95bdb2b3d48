import { useTranslation } from 'react-i18next';
import type { TaxClassDraft } from '@app/tax/tax-class-draft';

/**
 * The shop's tax classes as rows of name and rate: the owner renames, re-rates, adds and
 * removes them (main refuses removing one that products still use, and says which).
 */
export function TaxClassesEditor({
  rows,
  onChange,
}: {
  rows: readonly TaxClassDraft[];
  onChange: (rows: TaxClassDraft[]) => void;
}) {
  const { t } = useTranslation();
  const edit = (index: number, patch: Partial<TaxClassDraft>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <fieldset className="tax-classes" data-testid="tax-classes">
      <legend>{t('tax.classes')}</legend>
      <p className="muted">{t('tax.hint')}</p>
      {rows.map((row, i) => (
        <div className="tax-class-row" key={row.id ?? `new-${String(i)}`}>
          <label>
            {t('tax.name')}
            <input
              value={row.name}
              maxLength={32}
              onChange={(e) => edit(i, { name: e.target.value })}
              data-testid={`tax-class-name-${String(i)}`}
            />
          </label>
          <label>
            {t('tax.rate')}
            <input
              value={row.rate}
              inputMode="decimal"
              onChange={(e) => edit(i, { rate: e.target.value })}
              data-testid={`tax-class-rate-${String(i)}`}
            />
          </label>
          <button
            type="button"
            onClick={() => onChange(rows.filter((_, j) => j !== i))}
            aria-label={t('tax.removeNamed', { name: row.name })}
            data-testid={`tax-class-remove-${String(i)}`}
          >
            {t('tax.remove')}
          </button>
        </div>
      ))}
      <button
        type="button"
        onClick={() => onChange([...rows, { id: null, name: '', rate: '0' }])}
        data-testid="tax-class-add"
      >
        {t('tax.add')}
      </button>
    </fieldset>
  );
}
