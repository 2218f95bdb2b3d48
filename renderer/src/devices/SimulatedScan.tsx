import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api-context';
import type { Notice } from '../common/notices';
import { useErrorText } from '../common/format';

/** A code "scanned" on the simulated serial scanner: it reaches the sell screen as one. */
export function SimulatedScan({ notify }: { notify: (notice: Notice | null) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const errorText = useErrorText();
  const [code, setCode] = useState('6911001000019');
  return (
    <div className="form-row">
      <input value={code} onChange={(e) => setCode(e.target.value)} data-testid="sim-scan-code" />
      <button
        type="button"
        data-testid="sim-scan"
        onClick={() =>
          void api.invoke('devices.simulateScan', { code }).then((result) => {
            notify(
              result.ok
                ? { kind: 'info', text: t('devices.scanned', { code }) }
                : { kind: 'error', text: errorText(result.error) },
            );
          })
        }
      >
        {t('devices.scan')}
      </button>
    </div>
  );
}
