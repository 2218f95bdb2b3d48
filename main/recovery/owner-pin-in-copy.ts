import Database from 'better-sqlite3';
import { verifyPin } from '../staff/pin-hash';

/**
 * Whether `pin` is the PIN of an active owner in the ledger copy `file`. A till in recovery
 * has no readable staff list of its own, so the copy about to be restored is the authority:
 * only someone who could sign in as its owner may put it in place.
 */
export async function isOwnerPinIn(
  file: string,
  pin: string,
  nativeBinding?: string,
): Promise<boolean> {
  const db = new Database(file, {
    readonly: true,
    fileMustExist: true,
    ...(nativeBinding === undefined ? {} : { nativeBinding }),
  });
  let hashes: string[];
  try {
    hashes = db
      .prepare<[], { pin_hash: string }>(
        "SELECT pin_hash FROM staff_users WHERE role = 'owner' AND active = 1",
      )
      .all()
      .map((row) => row.pin_hash);
  } finally {
    db.close();
  }
  for (const hash of hashes) if (await verifyPin(pin, hash)) return true;
  return false;
}
