import { useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CountertopApi } from '@app/api/contract';
import { can, isPermission } from '@app/staff/permissions';
import type { Permission } from '@app/staff/permissions';
import type { StaffRole } from '@app/ledger/staff-detail';
import { ApiProvider, useApi } from '../api/api-context';
import { Dialog } from '../common/Dialog';
import { useErrorText } from '../common/format';
import { PinPad } from './PinPad';

interface Pending {
  permission: Permission;
  resolve: (approved: boolean) => void;
}

/**
 * Manager override for every screen: when main answers that the person's role lacks a
 * permission, a dialog asks someone allowed for their PIN (session.override) and the same
 * command is sent once more. Main decides; this only asks.
 */
export function OverrideProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const [pending, setPending] = useState<Pending | null>(null);
  const pendingRef = useRef<Pending | null>(null);
  const wrapped = useMemo<CountertopApi>(
    () => ({
      on: (name, listener) => api.on(name, listener),
      invoke: async (name, input) => {
        const first = await api.invoke(name, input);
        if (first.ok || name === 'session.override') return first;
        const { code, params } = first.error;
        const permission = params?.permission;
        const needsApproval =
          code === 'permission_required' || code === 'difference_needs_approval';
        if (!needsApproval || typeof permission !== 'string' || !isPermission(permission)) {
          return first;
        }
        const approved = await new Promise<boolean>((resolve) => {
          pendingRef.current = { permission, resolve };
          setPending(pendingRef.current);
        });
        return approved ? api.invoke(name, input) : first;
      },
    }),
    [api],
  );
  const finish = (approved: boolean) => {
    pendingRef.current?.resolve(approved);
    pendingRef.current = null;
    setPending(null);
  };
  return (
    <ApiProvider api={wrapped}>
      {children}
      {pending && <OverrideDialog permission={pending.permission} onDone={finish} />}
    </ApiProvider>
  );
}

function OverrideDialog({
  permission,
  onDone,
}: {
  permission: Permission;
  onDone: (approved: boolean) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const errorText = useErrorText();
  const [users, setUsers] = useState<{ id: string; name: string; role: StaffRole }[] | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void api.invoke('session.users', {}).then((r) => {
      const allowed = r.ok ? r.value.filter((u) => can(u.role, permission)) : [];
      setUsers(allowed);
      if (allowed.length === 1) setChosen(allowed[0]?.id ?? null);
    });
  }, [api, permission]);
  const submit = async (pin: string) => {
    if (!chosen) return;
    const result = await api.invoke('session.override', { approverId: chosen, pin, permission });
    if (!result.ok) return setError(errorText(result.error));
    onDone(true);
  };
  return (
    <Dialog title={t('override.title')} testId="override-dialog">
      <p>{t('override.explain', { permission: t(`permission.${permission}`) })}</p>
      {users?.length === 0 && <p className="notice notice-error">{t('override.nobody')}</p>}
      <div className="user-list">
        {users?.map((u) => (
          <button
            key={u.id}
            type="button"
            className={chosen === u.id ? 'user-choice selected' : 'user-choice'}
            onClick={() => setChosen(u.id)}
            data-testid={`override-user-${u.name}`}
          >
            <strong>{u.name}</strong>
            <span className="muted">{t(`role.${u.role}`)}</span>
          </button>
        ))}
      </div>
      {error && (
        <div className="notice notice-error" role="alert" data-testid="override-error">
          {error}
        </div>
      )}
      {chosen && <PinPad key={chosen} onSubmit={(pin) => void submit(pin)} testId="override" />}
      <div className="dialog-actions">
        <button
          type="button"
          className="secondary"
          onClick={() => onDone(false)}
          data-testid="override-cancel"
        >
          {t('override.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
