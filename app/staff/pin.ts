/** A PIN is 4 to 8 digits (issue #5); nothing else is accepted, so no PIN is ever trimmed. */
export const isValidPin = (pin: string): boolean => /^\d{4,8}$/.test(pin);

/** Wrong PINs in a row before a user is locked out (PCI DSS v4 8.3.4: at most 10). */
export const MAX_PIN_FAILURES = 5;
/** How long a lockout lasts unless an owner unlocks (PCI DSS v4 8.3.4: at least 30 minutes). */
export const LOCKOUT_MS = 30 * 60_000;
