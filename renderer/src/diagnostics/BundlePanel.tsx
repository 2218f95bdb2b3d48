import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SupportBundleView } from '@app/api/contract';
import { useApi } from '../api/api-context';
import type { Notice } from '../common/notices';
import { formatBytes, useErrorText } from '../common/format';

/** Builds the redacted support zip, saves it in the data folder and offers it as a download. */
export function BundlePanel({ notify }: { notify: (notice: Notice | null) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const errorText = useErrorText();
  const [bundle, setBundle] = useState<(SupportBundleView & { url: string }) | null>(null);
  const [busy, setBusy] = useState(false);

  const exportBundle = async () => {
    setBusy(true);
    const result = await api.invoke('diagnostics.exportBundle', {});
    setBusy(false);
    if (!result.ok) return notify({ kind: 'error', text: errorText(result.error) });
    const bytes = Uint8Array.from(atob(result.value.base64), (c) => c.charCodeAt(0));
    if (bundle) URL.revokeObjectURL(bundle.url);
    const url = URL.createObjectURL(new Blob([bytes], { type: 'application/zip' }));
    setBundle({ ...result.value, url });
  };

  return (
    <section className="panel" data-testid="bundle-panel">
      <h2>{t('diag.bundle')}</h2>
      <p className="muted">{t('diag.bundle.what')}</p>
      <div className="form-row">
        <button
          type="button"
          disabled={busy}
          onClick={() => void exportBundle()}
          data-testid="bundle-export"
        >
          {t('diag.bundle.export')}
        </button>
      </div>
      {bundle && (
        <p data-testid="bundle-result">
          {t('diag.bundle.saved', { path: bundle.path, size: formatBytes(bundle.sizeBytes) })}{' '}
          <a href={bundle.url} download={bundle.fileName} data-testid="bundle-download">
            {t('diag.bundle.download')}
          </a>
        </p>
      )}
    </section>
  );
}
