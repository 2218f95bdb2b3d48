import { useTranslation } from 'react-i18next';

const BAUD_RATES = ['9600', '19200', '38400', '57600', '115200'];

interface Props {
  path: string;
  onPath: (path: string) => void;
  baud: string;
  onBaud: (baud: string) => void;
  testId: string;
}

/** A serial device path and its baud rate, as every serial form here asks for them. */
export function SerialPortFields({ path, onPath, baud, onBaud, testId }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <label>
        {t('printer.serialPath')}{' '}
        <input
          value={path}
          placeholder="/dev/ttyUSB0"
          onChange={(e) => onPath(e.target.value)}
          data-testid={testId}
        />
      </label>
      <label>
        {t('printer.baud')}{' '}
        <select value={baud} onChange={(e) => onBaud(e.target.value)}>
          {BAUD_RATES.map((b) => (
            <option key={b}>{b}</option>
          ))}
        </select>
      </label>
    </>
  );
}
