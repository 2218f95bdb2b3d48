import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DrawerSettings } from '@app/api/contract';

/** The drawer's kick pulse and sensor polarity: drawers differ, so the technician sets them. */
export function DrawerSettingsForm({
  current,
  onSave,
}: {
  current: DrawerSettings;
  onSave: (drawer: DrawerSettings) => void;
}) {
  const { t } = useTranslation();
  const [pulse, setPulse] = useState(String(current.pulseMs));
  const [openWhen, setOpenWhen] = useState(current.openWhen);
  return (
    <form
      className="form-row"
      onSubmit={(e) => {
        e.preventDefault();
        onSave({ pulseMs: Number(pulse), openWhen });
      }}
    >
      <label>
        {t('printer.drawer.pulse')}{' '}
        <input
          value={pulse}
          inputMode="numeric"
          size={4}
          onChange={(e) => setPulse(e.target.value)}
          data-testid="drawer-pulse"
        />
      </label>
      <label>
        {t('printer.drawer.openWhen')}{' '}
        <select
          value={openWhen}
          onChange={(e) => setOpenWhen(e.target.value === 'low' ? 'low' : 'high')}
        >
          <option value="high">{t('printer.drawer.high')}</option>
          <option value="low">{t('printer.drawer.low')}</option>
        </select>
      </label>
      <button type="submit" className="secondary">
        {t('printer.drawer.save')}
      </button>
    </form>
  );
}
