/**
 * The price (or measure) verifier digit of a 4-digit value in a restricted-circulation
 * EAN-13 (GS1 General Specifications 7.9.3). Each digit gets a weighting factor, 2- 2- 3 5-
 * from the left; the products' sum times 3, units digit, is the verifier. "2-" and "5-"
 * multiply, then subtract the product's tens digit from its units digit (mod 10); "3" keeps
 * the units digit of the product. GS1's own example: 2875 → 9.
 */
export function priceVerifierDigit(fourDigits: string): number {
  if (!/^\d{4}$/.test(fourDigits)) throw new RangeError(`not 4 digits: ${fourDigits}`);
  const digit = (at: number): number => Number(fourDigits[at]);
  const sum =
    minusWeighted(digit(0), 2) +
    minusWeighted(digit(1), 2) +
    ((digit(2) * 3) % 10) +
    minusWeighted(digit(3), 5);
  return (sum * 3) % 10;
}

function minusWeighted(digit: number, weight: 2 | 5): number {
  const product = digit * weight;
  return (10 + (product % 10) - Math.floor(product / 10)) % 10;
}
