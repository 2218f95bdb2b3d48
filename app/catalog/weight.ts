/** Weights in integer grams, shown and typed as kilograms with three decimals. */

/** 532 → "0.532", 1500 → "1.500": from the digits, never a float division. */
export function formatKg(grams: number): string {
  const digits = String(grams).padStart(4, '0');
  return `${digits.slice(0, -3)}.${digits.slice(-3)}`;
}

/** "0.532" → 532 g, "1.5" → 1500 g, "2" → 2000 g; null for anything else or over 99.999 kg. */
export function parseKg(text: string): number | null {
  const match = /^(\d{1,2})(?:\.(\d{0,3}))?$/.exec(text.trim());
  if (!match) return null;
  return Number(match[1]) * 1000 + Number((match[2] ?? '').padEnd(3, '0'));
}
