import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrinterConfig } from '@app/api/contract';
import { SerialPortFields } from '../common/SerialPortFields';

/**
 * Picks a printer: the simulated one, raw TCP, serial or USB. Used for the receipt printer
 * and for the backup printer, so both are chosen the same way.
 */
export function PrinterChoice({
  current,
  onChoose,
  testIdPrefix,
}: {
  current: PrinterConfig | null;
  onChoose: (config: PrinterConfig) => void;
  testIdPrefix: string;
}) {
  const { t } = useTranslation();
  const [host, setHost] = useState(current?.kind === 'tcp' ? current.host : '127.0.0.1');
  const [port, setPort] = useState(current?.kind === 'tcp' ? String(current.port) : '9100');
  const [serialPath, setSerialPath] = useState(current?.kind === 'serial' ? current.path : '');
  const [baud, setBaud] = useState(
    current?.kind === 'serial' ? String(current.baudRate) : '115200',
  );
  const [usbPath, setUsbPath] = useState(
    current?.kind === 'usb-lp' ? current.path : '/dev/usb/lp0',
  );
  const style = (kind: PrinterConfig['kind']) => (current?.kind === kind ? 'primary' : 'secondary');

  return (
    <>
      <div className="form-row">
        <button
          type="button"
          className={style('simulated')}
          data-testid={`${testIdPrefix}-use-simulated`}
          onClick={() => onChoose({ kind: 'simulated' })}
        >
          {t('printer.simulated')}
        </button>
      </div>
      <div className="form-row">
        <label>
          {t('printer.host')} <input value={host} onChange={(e) => setHost(e.target.value)} />
        </label>
        <label>
          {t('printer.port')}{' '}
          <input
            value={port}
            inputMode="numeric"
            data-testid={`${testIdPrefix}-tcp-port`}
            onChange={(e) => setPort(e.target.value)}
          />
        </label>
        <button
          type="button"
          className={style('tcp')}
          data-testid={`${testIdPrefix}-use-tcp`}
          onClick={() => onChoose({ kind: 'tcp', host, port: Number(port) })}
        >
          {t('printer.tcp')}
        </button>
      </div>
      <div className="form-row">
        <SerialPortFields
          path={serialPath}
          onPath={setSerialPath}
          baud={baud}
          onBaud={setBaud}
          testId={`${testIdPrefix}-serial-path`}
        />
        <button
          type="button"
          className={style('serial')}
          onClick={() => onChoose({ kind: 'serial', path: serialPath, baudRate: Number(baud) })}
          data-testid={`${testIdPrefix}-use-serial`}
        >
          {t('printer.serial')}
        </button>
      </div>
      <div className="form-row">
        <label>
          {t('printer.usbPath')}{' '}
          <input value={usbPath} onChange={(e) => setUsbPath(e.target.value)} />
        </label>
        <button
          type="button"
          className={style('usb-lp')}
          data-testid={`${testIdPrefix}-use-usb`}
          onClick={() => onChoose({ kind: 'usb-lp', path: usbPath })}
        >
          {t('printer.usb')}
        </button>
      </div>
    </>
  );
}
