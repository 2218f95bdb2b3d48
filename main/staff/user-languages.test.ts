import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Services } from '../services';
import { TEST_OWNER, call, signInOwner, tempServices } from '../testing/temp-services';

describe('each person’s screen language', () => {
  let services: Services;
  let ownerId: string;
  let cashierId: string;
  beforeEach(async () => {
    services = tempServices().services;
    // The shop is set up in Chinese (temp-services), so Chinese is the owner's language.
    await signInOwner(services);
    ownerId = (await call(services, 'session.status', {})).user?.id ?? '';
    cashierId = (await call(services, 'staff.add', { name: 'Li Na', role: 'cashier', pin: '1357' }))
      .id;
    await call(services, 'session.logout', {});
  });
  afterEach(() => services.close());

  const signIn = (userId: string, pin: string) => call(services, 'session.login', { userId, pin });

  it('is the set-up language for the owner, and unset for a new cashier', async () => {
    expect((await signIn(ownerId, TEST_OWNER.pin)).language).toBe('zh-CN');
    await call(services, 'session.logout', {});
    expect((await signIn(cashierId, '1357')).language).toBeNull();
  });

  it('is each person’s own: a cashier’s choice comes back at their sign-in only', async () => {
    await signIn(cashierId, '1357');
    expect((await call(services, 'session.setLanguage', { language: 'en' })).language).toBe('en');
    expect((await call(services, 'session.logout', {})).language).toBeNull();

    expect((await signIn(ownerId, TEST_OWNER.pin)).language).toBe('zh-CN');
    await call(services, 'session.logout', {});

    expect((await signIn(cashierId, '1357')).language).toBe('en');
    // Locking keeps the person, so their language stays on the lock screen too.
    expect((await call(services, 'session.lock', {})).language).toBe('en');
  });

  it('never changes the shop’s receipt language', async () => {
    await signIn(cashierId, '1357');
    await call(services, 'session.setLanguage', { language: 'en' });
    expect((await call(services, 'settings.get', {})).locale).toBe('zh-CN');
  });

  it('is refused with nobody signed in', async () => {
    const result = await services.dispatch('session.setLanguage', { language: 'en' });
    expect(result.ok ? null : result.error.code).toBe('login_required');
  });
});
