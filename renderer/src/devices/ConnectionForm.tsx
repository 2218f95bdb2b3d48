import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceConnection, DeviceRole } from '@app/api/contract';

type Kind = DeviceConnection['kind'] | 'none';

/** The form's text fields, as typed; turned into a connection only when saved. */
export interface Draft {
  kind: Kind;
  path: string;
  baudRate: string;
  vendorId: string;
  productId: string;
  host: string;
  port: string;
  /** Barcode scanners on serial: what ends a code. */
  suffix: string;
  /** Payment terminals: how their texts are encoded. */
  charset: string;
}

const SUFFIXES = ['cr', 'lf', 'crlf', 'tab', 'none'] as const;
type Suffix = (typeof SUFFIXES)[number];
const isSuffix = (text: string): text is Suffix => (SUFFIXES as readonly string[]).includes(text);

const CHARSETS = ['cp437', 'latin1'] as const;
type Charset = (typeof CHARSETS)[number];
const isCharset = (text: string): text is Charset => (CHARSETS as readonly string[]).includes(text);

/** Which connections each role's devices come with. */
const KINDS: Record<DeviceRole, Kind[]> = {
  cardReader: ['none', 'simulated', 'hid', 'serial'],
  paymentTerminal: ['none', 'simulated', 'tcp', 'serial'],
  barcodeScanner: ['none', 'simulated', 'serial'],
  customerDisplay: ['none', 'simulated', 'serial'],
};

const draftOf = (connection: DeviceConnection | null, role: DeviceRole): Draft => ({
  kind: connection?.kind ?? 'none',
  path: connection?.kind === 'serial' || connection?.kind === 'hid' ? (connection.path ?? '') : '',
  baudRate: connection?.kind === 'serial' ? String(connection.baudRate) : '9600',
  vendorId: connection?.kind === 'hid' ? connection.vendorId.toString(16).padStart(4, '0') : '0801',
  productId:
    connection?.kind === 'hid' ? connection.productId.toString(16).padStart(4, '0') : '0002',
  host: connection?.kind === 'tcp' ? connection.host : '',
  suffix: connection?.kind === 'serial' ? (connection.suffix ?? 'cr') : 'cr',
  charset:
    connection?.kind === 'serial' || connection?.kind === 'tcp'
      ? (connection.charset ?? 'cp437')
      : 'cp437',
  port:
    connection?.kind === 'tcp'
      ? String(connection.port)
      : role === 'paymentTerminal'
        ? '20007'
        : '',
});

/** The connection a draft describes, or null when a field does not make sense. */
function connectionOf(draft: Draft, role: DeviceRole): DeviceConnection | null | 'invalid' {
  const charset =
    role === 'paymentTerminal' && isCharset(draft.charset) ? { charset: draft.charset } : {};
  const int = (text: string, radix = 10): number | null =>
    /^[0-9a-f]+$/i.test(text.trim()) ? parseInt(text.trim(), radix) : null;
  switch (draft.kind) {
    case 'none':
      return null;
    case 'simulated':
      return { kind: 'simulated' };
    case 'serial': {
      const baudRate = int(draft.baudRate);
      if (!draft.path.trim() || !baudRate) return 'invalid';
      return {
        kind: 'serial',
        path: draft.path.trim(),
        baudRate,
        ...(role === 'barcodeScanner' && isSuffix(draft.suffix) ? { suffix: draft.suffix } : {}),
        ...charset,
      };
    }
    case 'hid': {
      const vendorId = int(draft.vendorId, 16);
      const productId = int(draft.productId, 16);
      if (vendorId === null || productId === null || vendorId > 0xffff || productId > 0xffff)
        return 'invalid';
      return {
        kind: 'hid',
        vendorId,
        productId,
        ...(draft.path.trim() ? { path: draft.path.trim() } : {}),
      };
    }
    case 'tcp': {
      const port = int(draft.port);
      return draft.host.trim() && port && port <= 65_535
        ? { kind: 'tcp', host: draft.host.trim(), port, ...charset }
        : 'invalid';
    }
  }
}

export function ConnectionForm({
  role,
  current,
  prefill,
  onSave,
  invalidText,
  onInvalid,
}: {
  role: DeviceRole;
  current: DeviceConnection | null;
  prefill: Draft | null;
  onSave: (connection: DeviceConnection | null) => Promise<void>;
  invalidText: string;
  onInvalid: (text: string) => void;
}) {
  const { t } = useTranslation();
  // A prefill (from the found-devices list) comes with a new `key`, so it starts afresh.
  const [draft, setDraft] = useState<Draft>(() => prefill ?? draftOf(current, role));
  const set = (key: keyof Draft, value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const field = (key: 'path' | 'baudRate' | 'vendorId' | 'productId' | 'host' | 'port') => (
    <label>
      {t(`devices.field.${key}`)}
      <input
        value={draft[key]}
        onChange={(e) => set(key, e.target.value)}
        data-testid={`device-${role}-${key}`}
        autoComplete="off"
      />
    </label>
  );

  /** A choice among fixed options, each labelled `devices.<key>.<option>`. */
  const choice = (key: 'suffix' | 'charset', options: readonly string[]) => (
    <label>
      {t(`devices.field.${key}`)}
      <select
        value={draft[key]}
        onChange={(e) => set(key, e.target.value)}
        data-testid={`device-${role}-${key}`}
      >
        {options.map((option) => (
          <option key={option} value={option}>
            {t(`devices.${key}.${option}`)}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <form
      className="form-row"
      onSubmit={(e) => {
        e.preventDefault();
        const connection = connectionOf(draft, role);
        if (connection === 'invalid') onInvalid(invalidText);
        else void onSave(connection);
      }}
    >
      <label>
        {t('devices.field.kind')}
        <select
          value={draft.kind}
          onChange={(e) => set('kind', e.target.value)}
          data-testid={`device-${role}-kind`}
        >
          {KINDS[role].map((kind) => (
            <option key={kind} value={kind}>
              {t(`devices.kind.${kind}`)}
            </option>
          ))}
        </select>
      </label>
      {(draft.kind === 'serial' || draft.kind === 'hid') && field('path')}
      {draft.kind === 'serial' && field('baudRate')}
      {draft.kind === 'serial' && role === 'barcodeScanner' && choice('suffix', SUFFIXES)}
      {draft.kind === 'hid' && field('vendorId')}
      {draft.kind === 'hid' && field('productId')}
      {draft.kind === 'tcp' && field('host')}
      {draft.kind === 'tcp' && field('port')}
      {(draft.kind === 'serial' || draft.kind === 'tcp') &&
        role === 'paymentTerminal' &&
        choice('charset', CHARSETS)}
      <button type="submit" className="primary" data-testid={`device-save-${role}`}>
        {t('devices.save')}
      </button>
    </form>
  );
}
