/**
 * PCI DSS 3.4: at most the first six and last four digits may be shown. Anything shorter than
 * the shortest card number (12) is masked completely rather than trusted.
 */
export function maskPan(pan: string): string {
  if (pan.length < 12) return '*'.repeat(pan.length);
  return `${pan.slice(0, 6)}${'*'.repeat(pan.length - 10)}${pan.slice(-4)}`;
}

/**
 * A masked number as a host or terminal sent it, kept only if it is masked: anything with a
 * run of 13+ digits is masked again. Empty or missing: null.
 */
export function keepMasked(masked: string | undefined): string | null {
  if (masked === undefined || masked === '') return null;
  return /\d{13,}/.test(masked) ? maskPan(masked.replace(/\D/g, '')) : masked;
}
