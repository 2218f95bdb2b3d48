import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MonoImage } from '@app/receipt/logo';
import { ditherToMono, MAX_LOGO_HEIGHT_DOTS, MAX_LOGO_WIDTH_DOTS } from '@app/receipt/logo';
import { useApi } from '../api/api-context';
import { useQuery } from '../api/useQuery';
import type { Notice } from '../common/notices';
import { useErrorText } from '../common/format';
import { MonoImageCanvas } from './MonoImageCanvas';

/** A picture file as printer dots: scaled to fit the logo's bounds, then dithered. */
async function logoFromFile(file: File): Promise<MonoImage> {
  const bitmap = await createImageBitmap(file);
  const scale = Math.min(
    1,
    MAX_LOGO_WIDTH_DOTS / bitmap.width,
    MAX_LOGO_HEIGHT_DOTS / bitmap.height,
  );
  const width = Math.max(1, Math.round(bitmap.width * scale));
  const height = Math.max(1, Math.round(bitmap.height * scale));
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2d canvas');
  context.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  return ditherToMono(context.getImageData(0, 0, width, height).data, width, height);
}

/** The owner's shop logo: pick a picture, see it as the printer will, save or remove. */
export function LogoPanel({ notify }: { notify: (n: Notice | null) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const errorText = useErrorText();
  const savedLogo = useQuery('printer.logo', {});
  const saved = savedLogo.data?.logo ?? null;
  const [draft, setDraft] = useState<MonoImage | null>(null);

  const choose = async (file: File | undefined) => {
    if (!file) return;
    try {
      setDraft(await logoFromFile(file));
      notify(null);
    } catch {
      notify({ kind: 'error', text: t('printer.logoUnreadable') });
    }
  };
  const save = async (logo: MonoImage | null) => {
    const result = await api.invoke('printer.setLogo', { logo });
    if (!result.ok) return notify({ kind: 'error', text: errorText(result.error) });
    savedLogo.set(result.value);
    setDraft(null);
  };
  const shown = draft ?? saved;

  return (
    <section data-testid="logo-panel">
      <h2>{t('printer.logo')}</h2>
      <p className="muted">{t('printer.logoHint')}</p>
      <div className="logo-preview" data-testid="logo-preview">
        {shown ? (
          <MonoImageCanvas image={shown} />
        ) : (
          <span className="muted">{t('printer.logoNone')}</span>
        )}
      </div>
      <div className="form-row">
        <label className="file-button">
          {t('printer.logoChoose')}
          <input
            type="file"
            accept="image/*"
            hidden
            data-testid="logo-file"
            onChange={(e) => void choose(e.target.files?.[0])}
          />
        </label>
        {draft && (
          <button
            type="button"
            className="primary"
            data-testid="logo-save"
            onClick={() => void save(draft)}
          >
            {t('printer.logoSave')}
          </button>
        )}
        {saved && !draft && (
          <button
            type="button"
            className="ghost"
            data-testid="logo-remove"
            onClick={() => void save(null)}
          >
            {t('printer.logoRemove')}
          </button>
        )}
      </div>
    </section>
  );
}
