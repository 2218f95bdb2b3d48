/** GTIN mod-10 check digit of the digits before it: weights 3,1,3,… from the right. */
export function gtinCheckDigit(body: string): number {
  if (!/^\d+$/.test(body)) throw new RangeError(`not digits: ${body}`);
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = Number(body[body.length - 1 - i]);
    sum += i % 2 === 0 ? digit * 3 : digit;
  }
  return (10 - (sum % 10)) % 10;
}

/** EAN-13, EAN-8 or UPC-A with a correct check digit. */
export function isValidGtin(code: string): boolean {
  if (!/^(\d{8}|\d{12}|\d{13})$/.test(code)) return false;
  return gtinCheckDigit(code.slice(0, -1)) === Number(code.at(-1));
}

export function makeEan13(first12: string): string {
  if (!/^\d{12}$/.test(first12))
    throw new RangeError(`EAN-13 needs 12 digits before the check digit: ${first12}`);
  return first12 + String(gtinCheckDigit(first12));
}
