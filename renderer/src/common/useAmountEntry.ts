import { useCallback, useRef, useState } from 'react';
import { typeAmount } from '@app/input/amount-entry';

/**
 * Keypad text that keys update synchronously: several keys can arrive in one event (a held
 * burst released at once, then Enter), and Enter must see every digit before it.
 */
export function useAmountEntry(decimals: number) {
  const [text, setText] = useState('');
  const latest = useRef('');
  const set = useCallback((next: string) => {
    latest.current = next;
    setText(next);
  }, []);
  return {
    text,
    current: () => latest.current,
    press: (key: string) => set(typeAmount(latest.current, key, decimals)),
    set,
  };
}
