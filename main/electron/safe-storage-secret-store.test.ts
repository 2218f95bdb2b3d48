import { beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { translate } from '@app/i18n/messages';
import { DomainError } from '@app/result';
import { SafeStorageSecretStore } from './safe-storage-secret-store';
import { resetFakeElectron } from './testing/fake-electron';
import type { FakeElectron } from './testing/fake-electron';

vi.mock('electron', () => import('./testing/fake-electron'));

const SECRET = Buffer.from('a terminal secret of 32 bytes..!');
let fake: FakeElectron;
let file: string;

beforeEach(() => {
  fake = resetFakeElectron();
  fake.app.becomeReady();
  file = join(mkdtempSync(join(tmpdir(), 'countertop-secret-')), 'terminal-secret.enc');
});

describe('SafeStorageSecretStore', () => {
  it('keeps the secret as OS-encrypted bytes only this user may read, and gives it back', () => {
    const store = new SafeStorageSecretStore(file, 'linux');
    expect(store.get()).toBeNull();
    store.set(SECRET);
    const onDisk = readFileSync(file);
    expect(onDisk.includes(SECRET)).toBe(false);
    expect(onDisk.includes(SECRET.toString('base64'))).toBe(false);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(new SafeStorageSecretStore(file, 'linux').get()).toEqual(SECRET);
    store.clear();
    expect(store.get()).toBeNull();
  });

  it("refuses Linux's basic_text backend (a key in Chromium's source) with a clear message", () => {
    fake.safeStorage.backend = 'basic_text';
    const store = new SafeStorageSecretStore(file, 'linux');
    const refusal = (() => {
      try {
        store.set(SECRET);
      } catch (error) {
        return error;
      }
      return null;
    })();
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({ code: 'secret_store_unavailable' });
    expect(store.get()).toBeNull();
    expect(translate('en', 'errors.secret_store_unavailable', {})).toMatch(/keyring/);
    expect(translate('zh-CN', 'errors.secret_store_unavailable', {})).toMatch(/钥匙环/);
  });

  it('accepts a real keyring backend on Linux', () => {
    for (const backend of ['gnome_libsecret', 'kwallet5'] as const) {
      fake.safeStorage.backend = backend;
      new SafeStorageSecretStore(file, 'linux').set(SECRET);
      expect(new SafeStorageSecretStore(file, 'linux').get()).toEqual(SECRET);
    }
  });

  it('refuses when the OS offers no encryption at all', () => {
    fake.safeStorage.available = false;
    expect(() => new SafeStorageSecretStore(file, 'win32').set(SECRET)).toThrow(
      expect.objectContaining({ code: 'secret_store_unavailable' }),
    );
  });
});
