import { useEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Product } from '@app/catalog/product';
import type { CurrencyCode } from '@app/money/currency';
import { useApi } from '../api/api-context';
import { useMoney } from '../common/format';

interface Props {
  currency: CurrencyCode;
  onScan: (code: string) => void;
  onPick: (product: Product) => void;
  /** Delete in the empty field: the selected cart line goes (with text, Delete edits it). */
  onDeleteLine: () => void;
  /** Bumped by the parent to take focus back after any action (the scanner types here). */
  focusToken: number;
}

const SEARCH_LIMIT = 8;

/** The cashier's one field: a scanned or typed barcode adds the item; words search the catalog. */
export function ScanBar({ currency, onScan, onPick, onDeleteLine, focusToken }: Props) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const money = useMoney();
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [found, setFound] = useState<{ query: string; products: Product[] } | null>(null);
  const [selected, setSelected] = useState(0);
  const query = text.trim();
  const isCode = /^\d+$/.test(query);

  useEffect(() => input.current?.focus(), [focusToken]);

  const searching = query !== '' && !(isCode && query.length >= 8);
  useEffect(() => {
    if (!searching) return;
    let live = true;
    const timer = setTimeout(() => {
      void api.invoke('catalog.search', { query, limit: SEARCH_LIMIT }).then((result) => {
        if (live && result.ok) {
          setFound({ query, products: result.value });
          setSelected(0);
        }
      });
    }, 120);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, query, searching]);

  const reset = () => {
    setText('');
    setFound(null);
  };
  // Results of an older query are not shown for a newer one; null while the search runs.
  const shown = searching && found?.query === query ? found.products : null;

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setSelected((s) => Math.min(s + 1, (shown?.length ?? 1) - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setSelected((s) => Math.max(s - 1, 0));
    } else if (event.key === 'Escape') {
      reset();
    } else if (event.key === 'Delete' && text === '') {
      event.preventDefault();
      onDeleteLine();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const pick = shown?.[selected];
      if (isCode && query.length >= 8) onScan(query);
      else if (pick) onPick(pick);
      else if (query !== '') onScan(query);
      reset();
    }
  };

  const name = (p: Product) => (i18n.language === 'zh-CN' ? p.nameZh : p.nameEn);
  const other = (p: Product) => (i18n.language === 'zh-CN' ? p.nameEn : p.nameZh);

  return (
    <div className="scanbar">
      <input
        ref={input}
        className="scan-input"
        data-testid="scan-input"
        value={text}
        placeholder={t('scan.placeholder')}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        autoComplete="off"
        spellCheck={false}
        aria-label={t('scan.placeholder')}
      />
      {shown && (
        <ul className="search-results" role="listbox">
          {shown.length === 0 && <li className="search-empty">{t('scan.noResults', { query })}</li>}
          {shown.map((p, i) => (
            <li
              key={p.id}
              role="option"
              aria-selected={i === selected}
              className={i === selected ? 'selected' : ''}
              onMouseDown={(e) => {
                e.preventDefault();
                onPick(p);
                reset();
              }}
            >
              <span className="result-name">{name(p)}</span>
              <span className="result-other">{other(p)}</span>
              <span className="result-code">{p.barcode}</span>
              <span className="result-price">{money(p.priceMinor, currency)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
