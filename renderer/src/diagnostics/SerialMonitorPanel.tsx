import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SerialTraffic } from '@app/api/contract';
import type { Result } from '@app/result';
import { useApi, useEvent } from '../api/api-context';
import type { Notice } from '../common/notices';
import { useErrorText } from '../common/format';
import { SerialPortFields } from '../common/SerialPortFields';

const KEEP = 200;

/** Open any free serial port, watch its bytes as hex and text, send bytes or text. */
export function SerialMonitorPanel({ notify }: { notify: (notice: Notice | null) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const errorText = useErrorText();
  const [path, setPath] = useState('');
  const [baud, setBaud] = useState('9600');
  const [out, setOut] = useState('');
  const [asHex, setAsHex] = useState(true);
  const [traffic, setTraffic] = useState<SerialTraffic[]>([]);
  useEvent('diagnostics.serial', (chunk) =>
    setTraffic((current) => [...current.slice(-KEEP + 1), chunk]),
  );
  const run = async (call: Promise<Result<unknown>>) => {
    const result = await call;
    notify(result.ok ? null : { kind: 'error', text: errorText(result.error) });
  };

  return (
    <section className="panel" data-testid="serial-monitor">
      <h2>{t('diag.serial')}</h2>
      <div className="form-row">
        <SerialPortFields
          path={path}
          onPath={setPath}
          baud={baud}
          onBaud={setBaud}
          testId="serial-path"
        />
        <button
          type="button"
          onClick={() =>
            void run(api.invoke('diagnostics.serialOpen', { path, baudRate: Number(baud) }))
          }
          data-testid="serial-open"
        >
          {t('diag.serial.open')}
        </button>
        <button type="button" onClick={() => void run(api.invoke('diagnostics.serialClose', {}))}>
          {t('diag.serial.close')}
        </button>
      </div>
      <div className="form-row">
        <input
          value={out}
          placeholder={asHex ? '1b 40' : 'text'}
          onChange={(e) => setOut(e.target.value)}
          data-testid="serial-out"
        />
        <label>
          <input type="checkbox" checked={asHex} onChange={(e) => setAsHex(e.target.checked)} />{' '}
          {t('diag.serial.hex')}
        </label>
        <button
          type="button"
          onClick={() =>
            void run(api.invoke('diagnostics.serialSend', asHex ? { hex: out } : { text: out }))
          }
          data-testid="serial-send"
        >
          {t('diag.serial.send')}
        </button>
      </div>
      <ol className="log-lines" data-testid="serial-traffic">
        {traffic.map((chunk, i) => (
          <li key={i} className={`serial-${chunk.direction}`}>
            <strong>{chunk.direction.toUpperCase()}</strong> {chunk.hex && <code>{chunk.hex}</code>}{' '}
            {chunk.text}
          </li>
        ))}
      </ol>
    </section>
  );
}
