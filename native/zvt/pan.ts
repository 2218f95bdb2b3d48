/**
 * Card numbers never leave the driver in full (PCI DSS 3.4: at most the first six and last
 * four digits may be shown). Many terminals already mask with 'E' nibbles; we mask again.
 */
export function maskPanDigits(digits: string): string {
  if (digits.length <= 10) return '*'.repeat(digits.length);
  return digits.slice(0, 6) + '*'.repeat(digits.length - 10) + digits.slice(-4);
}
