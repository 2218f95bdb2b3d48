import { gtinCheckDigit } from '../catalog/gtin';

/**
 * UPC-E → UPC-A (GS1 General Specifications, UPC-E zero suppression). A UPC-E code
 * is a number system digit (0 or 1), six data digits d1…d6 and the check digit of the
 * UPC-A it stands for; d6 says where the suppressed zeros go:
 *   d6 0–2: NS d1 d2 d6 0 0 0 0 d3 d4 d5
 *   d6 3:   NS d1 d2 d3 0 0 0 0 0 d4 d5
 *   d6 4:   NS d1 d2 d3 d4 0 0 0 0 0 d5
 *   d6 5–9: NS d1 d2 d3 d4 d5 0 0 0 0 d6
 * Returns the 12-digit UPC-A with its computed check digit (the caller compares it with the
 * UPC-E's last digit).
 */
export function expandUpcE(upcE: string): string {
  if (!/^[01]\d{7}$/.test(upcE)) {
    throw new RangeError(`UPC-E is 8 digits starting with 0 or 1: ${upcE}`);
  }
  const ns = upcE.slice(0, 1);
  const d = upcE.slice(1, 7);
  const last = Number(d[5]);
  let body: string;
  if (last <= 2) body = `${ns}${d.slice(0, 2)}${String(last)}0000${d.slice(2, 5)}`;
  else if (last === 3) body = `${ns}${d.slice(0, 3)}00000${d.slice(3, 5)}`;
  else if (last === 4) body = `${ns}${d.slice(0, 4)}00000${d.slice(4, 5)}`;
  else body = `${ns}${d.slice(0, 5)}0000${String(last)}`;
  return body + String(gtinCheckDigit(body));
}
