import { useState } from 'react';
import type { Places, RangeFilter } from '../../dashboard-api';
import { presetRange, presets } from './dates';
import type { Preset } from './dates';
import { Field } from './fields';
import { useLocale } from './locale';

const presetLabel = {
  today: 'filter.today',
  yesterday: 'filter.yesterday',
  last7: 'filter.last7',
  thisMonth: 'filter.thisMonth',
} as const satisfies Record<Preset, string>;

/** Date range (typed or a preset), shop and till; a range is applied only when valid. */
export function Filters(props: {
  filter: RangeFilter;
  places: Places;
  busy: boolean;
  onChange: (filter: RangeFilter) => void;
  onRefresh: () => void;
}) {
  const { t } = useLocale();
  const { filter, places, onChange } = props;
  const [from, setFrom] = useState(filter.from);
  const [to, setTo] = useState(filter.to);
  const valid = from !== '' && to !== '' && from <= to;
  const tills = places.tills.filter((till) => !filter.shopId || till.shopId === filter.shopId);

  const apply = (next: Partial<RangeFilter>) => onChange({ ...filter, ...next });
  const applyRange = (range: { from: string; to: string }) => {
    setFrom(range.from);
    setTo(range.to);
    apply(range);
  };

  return (
    <form
      className="filters card"
      onSubmit={(event) => {
        event.preventDefault();
        if (valid) apply({ from, to });
      }}
    >
      <div className="presets" role="group">
        {presets.map((preset) => {
          const range = presetRange(preset);
          const active = range.from === filter.from && range.to === filter.to;
          return (
            <button
              key={preset}
              type="button"
              className={active ? 'chip active' : 'chip'}
              aria-pressed={active}
              onClick={() => applyRange(range)}
            >
              {t(presetLabel[preset])}
            </button>
          );
        })}
      </div>
      <Field id="filter-from" label={t('filter.from')}>
        <input
          id="filter-from"
          type="date"
          name="from"
          value={from}
          max={to || undefined}
          onChange={(event) => setFrom(event.target.value)}
          onBlur={() => valid && apply({ from, to })}
        />
      </Field>
      <Field id="filter-to" label={t('filter.to')}>
        <input
          id="filter-to"
          type="date"
          name="to"
          value={to}
          min={from || undefined}
          onChange={(event) => setTo(event.target.value)}
          onBlur={() => valid && apply({ from, to })}
        />
      </Field>
      <Field id="filter-shop" label={t('filter.shop')}>
        <select
          id="filter-shop"
          name="shop"
          value={filter.shopId ?? ''}
          onChange={(event) =>
            apply({ shopId: event.target.value || undefined, terminalId: undefined })
          }
        >
          <option value="">{t('filter.allShops')}</option>
          {places.shops.map((shop) => (
            <option key={shop.shopId} value={shop.shopId}>
              {shop.name}
            </option>
          ))}
        </select>
      </Field>
      <Field id="filter-till" label={t('filter.till')}>
        <select
          id="filter-till"
          name="till"
          value={filter.terminalId ?? ''}
          onChange={(event) => apply({ terminalId: event.target.value || undefined })}
        >
          <option value="">{t('filter.allTills')}</option>
          {tills.map((till) => (
            <option key={till.terminalId} value={till.terminalId}>
              {till.terminalId}
              {till.deviceName ? ` · ${till.deviceName}` : ''}
            </option>
          ))}
        </select>
      </Field>
      <button
        type="submit"
        className="primary"
        disabled={!valid || props.busy}
        onClick={props.onRefresh}
      >
        {t('filter.refresh')}
      </button>
      {!valid && (
        <p className="error-text" role="alert">
          {t('filter.badRange')}
        </p>
      )}
    </form>
  );
}
