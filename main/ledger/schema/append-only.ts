/** The ledger never changes what it committed: corrections are new entries. */
export function appendOnly(table: string): string {
  return `
  CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
    BEGIN SELECT RAISE(ABORT, 'ledger is append-only'); END;
  CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
    BEGIN SELECT RAISE(ABORT, 'ledger is append-only'); END;`;
}
