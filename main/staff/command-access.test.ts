import { describe, expect, it } from 'vitest';
import { commandNames } from '@app/api/names';
import { permissions } from '@app/staff/permissions';
import { commandAccess } from './command-access';

describe('the command → permission map', () => {
  it('maps every command of the contract, so a new command cannot slip through unmapped', () => {
    const allowed: readonly string[] = ['public', 'login', ...permissions];
    for (const name of commandNames) {
      expect(Object.hasOwn(commandAccess, name), `${name} is not in command-access.ts`).toBe(true);
      expect(allowed, name).toContain(commandAccess[name]);
    }
    expect(Object.keys(commandAccess).sort()).toEqual([...commandNames].sort());
  });

  it('leaves only the lock screen, the setup wizard, what the customer sees and recovery public', () => {
    const open = commandNames.filter((name) => commandAccess[name] === 'public');
    expect(open.sort()).toEqual(
      [
        'app.info',
        'cart.get',
        'session.login',
        'session.status',
        'session.users',
        'settings.get',
        'setup.complete',
        // A healthy till refuses these (not_in_recovery); in recovery the PIN is checked
        // against the backup being restored.
        'recovery.status',
        'recovery.list',
        'recovery.restore',
      ].sort(),
    );
  });

  it('keeps binding sync and staff management to their permissions', () => {
    expect(commandAccess['sync.bind']).toBe('sync.bind');
    expect(commandAccess['sync.unbind']).toBe('sync.bind');
    expect(commandAccess['staff.add']).toBe('staff.manage');
    expect(commandAccess['printer.kickDrawer']).toBe('drawer.noSale');
  });
});
