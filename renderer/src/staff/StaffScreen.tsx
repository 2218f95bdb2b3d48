import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings, StaffPolicyView, StaffUserView } from '@app/api/contract';
import { staffRoles } from '@app/ledger/staff-detail';
import type { StaffRole } from '@app/ledger/staff-detail';
import { parseDecimal, toDecimalString } from '@app/money/format';
import type { Result } from '@app/result';
import { useApi } from '../api/api-context';
import { useCommand } from '../api/useCommand';
import { useQuery } from '../api/useQuery';
import type { Notice } from '../common/notices';
import { useErrorText } from '../common/format';
import { useNow } from '../sync/useSyncStatus';

/** The owner's staff screen: users, roles, PINs, lockouts, and the staff rules. */
export function StaffScreen({
  settings,
  notify,
}: {
  settings: Settings;
  notify: (notice: Notice | null) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const errorText = useErrorText();
  const now = useNow(30_000);
  const [policy, setPolicy] = useState<StaffPolicyView | null>(null);
  const [draft, setDraft] = useState({ limit: '', idle: '', tolerance: '', refundLimit: '' });
  const [form, setForm] = useState<{ name: string; role: StaffRole; pin: string }>({
    name: '',
    role: 'cashier',
    pin: '',
  });

  const staff = useQuery('staff.list', {});
  const users = staff.data ?? [];
  const load = staff.refresh;
  // The saved policy seeds the form; a failed read is said, not skipped.
  const readPolicy = useCommand('staff.policy', { read: true }).run;
  useEffect(() => {
    void readPolicy({}).then((saved) => {
      if (!saved) return;
      setPolicy(saved);
      setDraft({
        limit: String(saved.discountLimitBp / 100),
        idle: String(saved.idleLockMinutes),
        tolerance: toDecimalString(saved.cashToleranceMinor, settings.currency),
        refundLimit: toDecimalString(saved.refundLimitMinor, settings.currency),
      });
    });
  }, [readPolicy, settings.currency]);

  const done = <T,>(result: Result<T>): T | null => {
    if (!result.ok) {
      notify({ kind: 'error', text: errorText(result.error) });
      return null;
    }
    notify({ kind: 'info', text: t('staff.saved') });
    load();
    return result.value;
  };
  const add = async () => {
    if (done(await api.invoke('staff.add', form))) setForm({ name: '', role: 'cashier', pin: '' });
  };
  const resetPin = async (user: StaffUserView) => {
    const pin = window.prompt(t('staff.newPin', { name: user.name }));
    if (pin === null) return;
    if (!/^\d{4,8}$/.test(pin)) return notify({ kind: 'error', text: t('errors.pin_invalid') });
    done(await api.invoke('staff.resetPin', { userId: user.id, pin }));
  };
  const savePolicy = async () => {
    const limit = parseDecimal(draft.limit, 'CNY');
    const tolerance = parseDecimal(draft.tolerance, settings.currency);
    const refundLimit = parseDecimal(draft.refundLimit, settings.currency);
    const idle = Number(draft.idle);
    if (limit === null || tolerance === null || refundLimit === null || !Number.isInteger(idle)) {
      return notify({ kind: 'error', text: t('errors.invalid_input') });
    }
    const next = done(
      await api.invoke('staff.setPolicy', {
        discountLimitBp: limit,
        idleLockMinutes: idle,
        cashToleranceMinor: tolerance,
        refundLimitMinor: refundLimit,
      }),
    );
    if (next) setPolicy(next);
  };

  return (
    <div className="staff-screen" data-testid="staff-screen">
      <section className="settings">
        <h1>{t('staff.title')}</h1>
        <table className="table" data-testid="staff-list">
          <thead>
            <tr>
              <th>{t('staff.name')}</th>
              <th>{t('staff.role')}</th>
              <th>{t('staff.status')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {users.map((u) => {
              const locked = u.lockedUntil !== null && Date.parse(u.lockedUntil) > now;
              return (
                <tr key={u.id} data-testid={`staff-row-${u.name}`}>
                  <td>{u.name}</td>
                  <td>
                    <select
                      value={u.role}
                      onChange={(e) =>
                        void api
                          .invoke('staff.update', {
                            userId: u.id,
                            role: e.target.value as StaffRole,
                          })
                          .then(done)
                      }
                    >
                      {staffRoles.map((r) => (
                        <option key={r} value={r}>
                          {t(`role.${r}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    {locked
                      ? t('staff.lockedUntil', {
                          time: new Date(u.lockedUntil ?? '').toLocaleTimeString(settings.locale),
                        })
                      : u.active
                        ? t('staff.active')
                        : t('staff.inactive')}
                  </td>
                  <td className="row-actions">
                    {locked && (
                      <button
                        type="button"
                        className="secondary"
                        onClick={() => void api.invoke('staff.unlock', { userId: u.id }).then(done)}
                      >
                        {t('staff.unlock')}
                      </button>
                    )}
                    <button type="button" className="secondary" onClick={() => void resetPin(u)}>
                      {t('staff.resetPin')}
                    </button>
                    <button
                      type="button"
                      className="secondary"
                      onClick={() =>
                        void api
                          .invoke('staff.update', { userId: u.id, active: !u.active })
                          .then(done)
                      }
                    >
                      {u.active ? t('staff.deactivate') : t('staff.reactivate')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <form
          className="form-row"
          onSubmit={(e) => {
            e.preventDefault();
            void add();
          }}
        >
          <label>
            {t('staff.name')}
            <input
              value={form.name}
              maxLength={40}
              required
              onChange={(e) => setForm((f) => ({ ...f, name: e.target.value }))}
              data-testid="staff-name"
            />
          </label>
          <label>
            {t('staff.role')}
            <select
              value={form.role}
              onChange={(e) => setForm((f) => ({ ...f, role: e.target.value as StaffRole }))}
              data-testid="staff-role"
            >
              {staffRoles.map((r) => (
                <option key={r} value={r}>
                  {t(`role.${r}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('staff.pin')}
            <input
              type="password"
              inputMode="numeric"
              maxLength={8}
              value={form.pin}
              onChange={(e) => setForm((f) => ({ ...f, pin: e.target.value }))}
              data-testid="staff-pin"
            />
          </label>
          <button type="submit" className="primary" data-testid="staff-add">
            {t('staff.add')}
          </button>
        </form>
      </section>
      {policy && (
        <form
          className="settings"
          onSubmit={(e) => {
            e.preventDefault();
            void savePolicy();
          }}
        >
          <h2>{t('staff.policy.title')}</h2>
          <label>
            {t('staff.policy.discountLimit')}
            <input
              inputMode="decimal"
              value={draft.limit}
              onChange={(e) => setDraft((d) => ({ ...d, limit: e.target.value }))}
              data-testid="policy-limit"
            />
          </label>
          <label>
            {t('staff.policy.idle')}
            <input
              inputMode="numeric"
              value={draft.idle}
              onChange={(e) => setDraft((d) => ({ ...d, idle: e.target.value }))}
              data-testid="policy-idle"
            />
          </label>
          <label>
            {t('staff.policy.tolerance')}
            <input
              inputMode="decimal"
              value={draft.tolerance}
              onChange={(e) => setDraft((d) => ({ ...d, tolerance: e.target.value }))}
              data-testid="policy-tolerance"
            />
          </label>
          <label>
            {t('staff.policy.refundLimit')}
            <input
              inputMode="decimal"
              value={draft.refundLimit}
              onChange={(e) => setDraft((d) => ({ ...d, refundLimit: e.target.value }))}
              data-testid="policy-refund-limit"
            />
          </label>
          <button type="submit" className="primary">
            {t('staff.policy.save')}
          </button>
        </form>
      )}
    </div>
  );
}
