import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceRole, DeviceStatus, MaskedSwipe } from '@app/api/contract';
import type { LocalizedText } from '@app/i18n/both-languages';
import { formatLocalDateTime } from '@app/time/local-time';
import { useApi, useEvent } from '../api/api-context';
import { useQuery } from '../api/useQuery';
import type { Notice } from '../common/notices';
import { useErrorText } from '../common/format';
import { inScreenLanguage } from '../i18n';
import { ConnectionForm } from './ConnectionForm';
import { ScannerTest } from './ScannerTest';
import { SimulatedScan } from './SimulatedScan';
import { SwipeTest } from './SwipeTest';
import type { Draft } from './ConnectionForm';

const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const SIMULATED_CARDS = [
  'visa',
  'unionpayDebit',
  'unionpayDebit2',
  'visaDeclined',
  'badLrc',
] as const;

/**
 * The technician's screen: what is plugged in, which device plays which role, its live
 * state (it reconnects by itself), a test per device, and the last swipe, masked.
 */
export function DevicesScreen({ notify }: { notify: (notice: Notice | null) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const errorText = useErrorText();
  const devices = useQuery('devices.list', {});
  const view = devices.data;
  const setView = devices.set;
  const [swipe, setSwipe] = useState<MaskedSwipe | null>(null);
  const [printout, setPrintout] = useState<string[] | null>(null);
  const [prefill, setPrefill] = useState<{ role: DeviceRole; draft: Draft; n: number } | null>(
    null,
  );

  useEvent('devices.changed', setView);
  useEvent('devices.swipe', setSwipe);

  const test = async (role: DeviceRole) => {
    const result = await api.invoke('devices.test', { role });
    if (!result.ok) return notify({ kind: 'error', text: errorText(result.error) });
    notify({ kind: result.value.ok ? 'info' : 'error', text: testText(result.value) });
  };
  const diagnose = async () => {
    setPrintout(null);
    const result = await api.invoke('devices.terminalDiagnosis', {});
    if (!result.ok) return notify({ kind: 'error', text: errorText(result.error) });
    notify({ kind: result.value.ok ? 'info' : 'error', text: testText(result.value) });
    setPrintout(result.value.printout ?? []);
  };
  const simulateSwipe = async (card: (typeof SIMULATED_CARDS)[number]) => {
    const result = await api.invoke('devices.simulateSwipe', { card });
    if (!result.ok) notify({ kind: 'error', text: errorText(result.error) });
  };
  if (!view) return null;
  return (
    <div className="devices-screen" data-testid="devices-screen">
      <h1>{t('devices.title')}</h1>
      <div className="sync-columns">
        <div className="sync-column">
          {view.devices.map((device) => (
            <section key={device.role} className="panel" data-testid={`device-${device.role}`}>
              <h2>{t(`devices.role.${device.role}`)}</h2>
              <DeviceState device={device} />
              <ConnectionForm
                key={prefill?.role === device.role ? prefill.n : 0}
                role={device.role}
                current={device.connection}
                prefill={prefill?.role === device.role ? prefill.draft : null}
                onSave={async (connection) => {
                  // Cleared before, not after: a test run while this answer is on its way
                  // (discovery can take a while) keeps its message.
                  notify(null);
                  const result = await api.invoke('devices.configure', {
                    role: device.role,
                    connection,
                  });
                  if (!result.ok) return notify({ kind: 'error', text: errorText(result.error) });
                  setView(result.value);
                }}
                invalidText={t('devices.invalid')}
                onInvalid={(text) => notify({ kind: 'error', text })}
              />
              <div className="form-row">
                <button
                  type="button"
                  disabled={device.state !== 'connected'}
                  onClick={() => void test(device.role)}
                  data-testid={`device-test-${device.role}`}
                >
                  {t('devices.test')}
                </button>
                {device.role === 'paymentTerminal' && (
                  <button
                    type="button"
                    disabled={device.state !== 'connected'}
                    onClick={() => void diagnose()}
                    data-testid="terminal-diagnosis"
                  >
                    {t('devices.diagnosis')}
                  </button>
                )}
              </div>
              {device.role === 'paymentTerminal' && printout && (
                <pre className="pole-screen" data-testid="terminal-printout">
                  {printout.length > 0 ? printout.join('\n') : t('devices.noPrintout')}
                </pre>
              )}
              {device.role === 'cardReader' && device.connection?.kind === 'simulated' && (
                <div className="form-row">
                  <span>{t('devices.swipeAs')}</span>
                  {SIMULATED_CARDS.map((card) => (
                    <button
                      key={card}
                      type="button"
                      onClick={() => void simulateSwipe(card)}
                      data-testid={`swipe-${card}`}
                    >
                      {t(`devices.card.${card}`)}
                    </button>
                  ))}
                </div>
              )}
              {device.role === 'barcodeScanner' && device.connection?.kind === 'simulated' && (
                <SimulatedScan notify={notify} />
              )}
              {device.screen && (
                <pre className="pole-screen" data-testid="pole-screen">
                  {device.screen.join('\n')}
                </pre>
              )}
              {device.role === 'cardReader' && <p className="muted">{t('devices.swipeHint')}</p>}
              {device.role === 'cardReader' && swipe && <SwipeTest swipe={swipe} />}
            </section>
          ))}
        </div>
        <div className="sync-column">
          <ScannerTest />
          <section className="panel">
            <h2>{t('customer.display')}</h2>
            <p className="muted">{t('customer.display.what')}</p>
            <button type="button" onClick={openCustomerWindow} data-testid="open-customer-window">
              {t('customer.display.open')}
            </button>
          </section>
          <section className="panel" data-testid="devices-found">
            <h2>{t('devices.found')}</h2>
            {view.discoveryError && <p className="state-error">{view.discoveryError}</p>}
            {view.discovered.length === 0 ? (
              <p className="muted">{t('devices.found.none')}</p>
            ) : (
              <table className="table">
                <thead>
                  <tr>
                    <th>{t('devices.found.transport')}</th>
                    <th>{t('devices.found.path')}</th>
                    <th>{t('devices.found.ids')}</th>
                    <th>{t('devices.found.name')}</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {view.discovered.map((d) => (
                    <tr key={`${d.transport}:${d.path}`}>
                      <td>{d.transport === 'hid' ? 'HID' : t('devices.kind.serial')}</td>
                      <td>{d.path}</td>
                      <td>
                        {d.vendorId === null ? '—' : `${hex(d.vendorId)}:${hex(d.productId ?? 0)}`}
                      </td>
                      <td>{[d.manufacturer, d.product].filter(Boolean).join(' / ') || '—'}</td>
                      <td>
                        {(
                          [
                            'cardReader',
                            'paymentTerminal',
                            'barcodeScanner',
                            'customerDisplay',
                          ] as const
                        ).map((role) => (
                          <button
                            key={role}
                            type="button"
                            onClick={() =>
                              setPrefill({
                                n: (prefill?.n ?? 0) + 1,
                                role,
                                draft:
                                  d.transport === 'hid'
                                    ? {
                                        kind: 'hid',
                                        vendorId: hex(d.vendorId ?? 0),
                                        productId: hex(d.productId ?? 0),
                                        path: d.path,
                                        baudRate: '9600',
                                        host: '',
                                        port: '',
                                        suffix: 'cr',
                                        charset: 'cp437',
                                      }
                                    : {
                                        kind: 'serial',
                                        path: d.path,
                                        baudRate: '9600',
                                        vendorId: '',
                                        productId: '',
                                        host: '',
                                        port: '',
                                        suffix: 'cr',
                                        charset: 'cp437',
                                      },
                              })
                            }
                          >
                            {t('devices.found.use', { role: t(`devices.role.${role}`) })}
                          </button>
                        ))}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </div>
      </div>
    </div>
  );
}

function DeviceState({ device }: { device: DeviceStatus }) {
  const { t } = useTranslation();
  return (
    <dl className="facts" data-testid={`device-state-${device.role}`} data-state={device.state}>
      <dt>{t('devices.field.kind')}</dt>
      <dd>
        <span className={`badge badge-device-${device.state}`}>
          {t(`devices.state.${device.state}`)}
        </span>{' '}
        {device.connection?.kind === 'simulated'
          ? t(`devices.simulated.${device.role}`)
          : device.description}
      </dd>
      {device.lastError && (
        <>
          <dt />
          <dd className="state-error">
            {device.lastError}
            {device.nextRetryAt
              ? ` · ${t('devices.retryAt', { time: formatLocalDateTime(device.nextRetryAt, zone).slice(11) })}`
              : ''}
          </dd>
        </>
      )}
      {device.lastEvent && (
        <>
          <dt>{t('devices.lastEvent')}</dt>
          <dd>{inScreenLanguage(device.lastEvent)}</dd>
        </>
      )}
      {device.latencyMs !== null && (
        <>
          <dt>{t('devices.latency')}</dt>
          <dd data-testid={`device-latency-${device.role}`}>
            {t('devices.latencyMs', { ms: device.latencyMs })}
          </dd>
        </>
      )}
    </dl>
  );
}

const hex = (n: number): string => n.toString(16).padStart(4, '0');

/** The customer-facing window (Electron puts it full screen on a second display). */
function openCustomerWindow(): void {
  window.open(
    new URL('index.html?view=customer', window.location.href).href,
    'countertop-customer',
    'popup,width=800,height=480',
  );
}

const testText = (result: { message: string; text?: LocalizedText }): string =>
  result.text ? inScreenLanguage(result.text) : result.message;
