/** A sale's ledger seq as printed and shown: six digits, zero-padded (000042). */
export const receiptNumber = (seq: number): string => String(seq).padStart(6, '0');
