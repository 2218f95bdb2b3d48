/**
 * Applies one keypad key to an amount being typed as text: digits, at most one decimal
 * point, at most `decimals` digits after it, at most 9 digits in all. Text, not a number,
 * so "12.50" stays exactly what the cashier typed until it is parsed to minor units.
 */
export function typeAmount(current: string, key: string, decimals: number): string {
  if (key === 'Backspace') return current.slice(0, -1);
  if (key === 'Clear') return '';
  if (key === '.')
    return decimals === 0 || current.includes('.') ? current : (current || '0') + '.';
  if (!/^\d+$/.test(key)) return current;
  const next = current === '0' ? key : current + key;
  const [, fraction = ''] = next.split('.');
  if (next.includes('.') && fraction.length > decimals) return current;
  return next.replace('.', '').length > 9 ? current : next;
}
