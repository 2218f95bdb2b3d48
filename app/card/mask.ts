/**
 * PCI DSS 3.4: at most the first six and last four digits may be shown. Anything shorter than
 * the shortest card number (12) is masked completely rather than trusted.
 */
export function maskPan(pan: string): string {
  if (pan.length < 12) return '*'.repeat(pan.length);
  return `${pan.slice(0, 6)}${'*'.repeat(pan.length - 10)}${pan.slice(-4)}`;
}
