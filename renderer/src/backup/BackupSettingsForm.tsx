import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupStatus } from '@app/api/contract';
import { useApi } from '../api/api-context';
import type { Notice } from '../common/notices';
import { useErrorText } from '../common/format';

const HOURS = Array.from({ length: 24 }, (_, hour) => hour);

/** The backup folder, the daily hour and how many days copies are kept. */
export function BackupSettingsForm({
  status,
  onSaved,
  notify,
}: {
  status: BackupStatus;
  onSaved: (status: BackupStatus) => void;
  notify: (notice: Notice | null) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const errorText = useErrorText();
  const [folder, setFolder] = useState(status.settings.folder ?? '');
  const [hour, setHour] = useState(status.settings.hour);
  const [keepDays, setKeepDays] = useState(String(status.settings.keepDays));
  const [saving, setSaving] = useState(false);

  const save = async () => {
    const days = Number(keepDays);
    if (folder.trim() === '' || !Number.isInteger(days) || days < 1 || days > 365) {
      notify({ kind: 'error', text: t('backup.invalid') });
      return;
    }
    setSaving(true);
    const result = await api.invoke('backup.configure', {
      folder: folder.trim(),
      hour,
      keepDays: days,
    });
    setSaving(false);
    if (!result.ok) {
      notify({ kind: 'error', text: errorText(result.error) });
      return;
    }
    onSaved(result.value);
    notify({ kind: 'info', text: t('backup.saved') });
  };

  return (
    <section className="panel" data-testid="backup-settings">
      <h2>{t('backup.settings')}</h2>
      <form
        className="backup-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label>
          {t('backup.folder')}
          <input
            value={folder}
            onChange={(e) => setFolder(e.target.value)}
            placeholder="/media/usb/countertop"
            autoComplete="off"
            spellCheck={false}
            data-testid="backup-folder"
          />
        </label>
        <p className="muted backup-hint">{t('backup.folderHint')}</p>
        <div className="form-row">
          <label>
            {t('backup.hour')}
            <select
              value={hour}
              onChange={(e) => setHour(Number(e.target.value))}
              data-testid="backup-hour"
            >
              {HOURS.map((h) => (
                <option key={h} value={h}>
                  {`${String(h).padStart(2, '0')}:00`}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('backup.keepDays')}
            <input
              value={keepDays}
              onChange={(e) => setKeepDays(e.target.value)}
              inputMode="numeric"
              size={5}
              data-testid="backup-keep-days"
            />
          </label>
          <button type="submit" disabled={saving} data-testid="backup-save">
            {t('backup.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
