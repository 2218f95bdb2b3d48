/**
 * The cash drawer hangs off the printer: ESC p m t1 t2 pulses connector pin 2 (m = 0) or
 * pin 5 (m = 1) for t1 × 2 ms, then rests t2 × 2 ms (HARDWARE.md "Drawer").
 */
export type DrawerPin = 2 | 5;

export interface DrawerPulse {
  pin: DrawerPin;
  /** How long the solenoid is driven; most drawers want 50-200 ms. */
  onMs: number;
  offMs: number;
}

export const defaultDrawerPulse: DrawerPulse = { pin: 2, onMs: 100, offMs: 200 };

/** The ESC p bytes; RangeError for times the command cannot carry (2-510 ms, on ≤ off). */
export function drawerKickCommand(pulse: DrawerPulse): Uint8Array {
  const on = Math.round(pulse.onMs / 2);
  const off = Math.round(pulse.offMs / 2);
  if (!Number.isInteger(pulse.onMs) || on < 1 || on > 255) {
    throw new RangeError(`drawer pulse on-time ${String(pulse.onMs)} ms: 2-510 ms`);
  }
  if (!Number.isInteger(pulse.offMs) || off < on || off > 255) {
    throw new RangeError(`drawer pulse off-time ${String(pulse.offMs)} ms: on-time to 510 ms`);
  }
  return Uint8Array.of(0x1b, 0x70, pulse.pin === 2 ? 0 : 1, on, off);
}
