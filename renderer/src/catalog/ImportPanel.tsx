import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview, ImportProgress, ImportResult } from '@app/api/contract';
import { useApi, useEvent } from '../api/api-context';
import type { Notice } from '../common/notices';
import { useErrorText } from '../common/format';
import { productFieldLabel } from './product-field-label';

/** Bytes per upload message: the browser host takes messages up to 1 MiB (base64 adds a third). */
const CHUNK = 512 * 1024;

const toBase64 = (bytes: Uint8Array): string => {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
};

/**
 * CSV import in the order the owner needs: pick a file, see the dry run (what would be
 * added, changed and refused, and why), then apply it with progress. Export downloads the
 * catalog in the same format.
 */
export function ImportPanel({ notify }: { notify: (notice: Notice | null) => void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const errorText = useErrorText();
  const [busy, setBusy] = useState<'reading' | 'applying' | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  useEvent('catalog.importProgress', (p) => {
    if (p.importId === preview?.importId) setProgress(p);
  });

  const dryRun = async (file: File) => {
    setPreview(null);
    setResult(null);
    setProgress(null);
    setBusy('reading');
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const uploadId = crypto.randomUUID();
      for (let offset = 0; offset === 0 || offset < bytes.length; offset += CHUNK) {
        const sent = await api.invoke('catalog.importUpload', {
          uploadId,
          offset,
          dataBase64: toBase64(bytes.subarray(offset, offset + CHUNK)),
        });
        if (!sent.ok) return notify({ kind: 'error', text: errorText(sent.error) });
      }
      const planned = await api.invoke('catalog.importDryRun', { uploadId, fileName: file.name });
      if (!planned.ok) return notify({ kind: 'error', text: errorText(planned.error) });
      notify(null);
      setPreview(planned.value);
    } finally {
      setBusy(null);
    }
  };

  const apply = async () => {
    if (!preview) return;
    setBusy('applying');
    const applied = await api.invoke('catalog.importApply', { importId: preview.importId });
    setBusy(null);
    if (!applied.ok) return notify({ kind: 'error', text: errorText(applied.error) });
    setResult(applied.value);
    setPreview(null);
    notify({
      kind: 'info',
      text: t('import.done', { added: applied.value.added, changed: applied.value.changed }),
    });
  };

  const download = async (encoding: 'utf-8' | 'gb18030') => {
    const file = await api.invoke('catalog.export', { encoding });
    if (!file.ok) return notify({ kind: 'error', text: errorText(file.error) });
    const bytes = Uint8Array.from(atob(file.value.dataBase64), (c) => c.charCodeAt(0));
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([bytes], { type: 'text/csv' }));
    link.download = file.value.fileName;
    link.click();
    URL.revokeObjectURL(link.href);
  };

  return (
    <div className="import-columns">
      <div className="panel" data-testid="import-panel">
        <h2>{t('import.title')}</h2>
        <p className="muted">{t('import.explain')}</p>
        <label className="file-pick">
          <span>{t('import.pick')}</span>
          <input
            type="file"
            accept=".csv,text/csv"
            disabled={busy !== null}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void dryRun(file);
            }}
            data-testid="import-file"
          />
        </label>
        {busy === 'reading' && <p>{t('import.reading')}</p>}
        {preview && (
          <div data-testid="import-preview">
            <h3>
              {t('import.dryRun', {
                file: preview.fileName,
                encoding: preview.encoding.toUpperCase(),
              })}
            </h3>
            <dl className="facts">
              <dt>{t('import.added')}</dt>
              <dd data-testid="import-added">{preview.added}</dd>
              <dt>{t('import.changed')}</dt>
              <dd data-testid="import-changed">{preview.changed}</dd>
              <dt>{t('import.unchanged')}</dt>
              <dd>{preview.unchanged}</dd>
              <dt>{t('import.refused')}</dt>
              <dd
                data-testid="import-refused"
                className={preview.refusedCount > 0 ? 'state-error' : ''}
              >
                {preview.refusedCount}
              </dd>
              {preview.newCategories.length > 0 && (
                <>
                  <dt>{t('import.newCategories')}</dt>
                  <dd>{preview.newCategories.join(', ')}</dd>
                </>
              )}
              {preview.ignoredColumns.length > 0 && (
                <>
                  <dt>{t('import.ignoredColumns')}</dt>
                  <dd>{preview.ignoredColumns.join(', ')}</dd>
                </>
              )}
            </dl>
            {preview.changeSample.length > 0 && (
              <table className="table" data-testid="import-changed-rows">
                <caption>{t('import.changedFields')}</caption>
                <thead>
                  <tr>
                    <th>{t('import.line')}</th>
                    <th>{t('catalog.field.sku')}</th>
                    <th>{t('catalog.field.name')}</th>
                    <th>{t('import.fields')}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.changeSample.map((row) => (
                    <tr key={row.line} data-testid="import-changed-row">
                      <td>{row.line}</td>
                      <td>{row.sku}</td>
                      <td>{i18n.language === 'zh-CN' ? row.nameZh : row.nameEn}</td>
                      <td>
                        {row.fields
                          .map((field) => {
                            const label = productFieldLabel(field);
                            return label ? t(label) : field;
                          })
                          .join(', ')}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {preview.changed > preview.changeSample.length && (
              <p className="muted">
                {t('import.moreChanged', { n: preview.changed - preview.changeSample.length })}
              </p>
            )}
            {preview.refused.length > 0 && (
              <table className="table refused-table" data-testid="import-refused-rows">
                <thead>
                  <tr>
                    <th>{t('import.line')}</th>
                    <th>{t('catalog.field.sku')}</th>
                    <th>{t('import.reason')}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.refused.map((row) => (
                    <tr key={row.line}>
                      <td>{row.line}</td>
                      <td>{row.sku}</td>
                      <td>
                        {row.problems.map((p, i) => (
                          <div key={i}>
                            {errorText({ code: p.code, params: p.params, message: p.code })}
                          </div>
                        ))}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {preview.refusedCount > preview.refused.length && (
              <p className="muted">
                {t('import.moreRefused', { n: preview.refusedCount - preview.refused.length })}
              </p>
            )}
            <div className="form-row">
              <button type="button" className="secondary" onClick={() => setPreview(null)}>
                {t('sync.cancel')}
              </button>
              <button
                type="button"
                className="primary big"
                disabled={busy !== null || preview.added + preview.changed === 0}
                onClick={() => void apply()}
                data-testid="import-apply"
              >
                {t('import.apply', { n: preview.added + preview.changed })}
              </button>
            </div>
          </div>
        )}
        {busy === 'applying' && (
          <div className="progress" data-testid="import-progress">
            <progress max={progress?.total ?? 1} value={progress?.done ?? 0} />
            <span>
              {progress?.done ?? 0} / {progress?.total ?? '…'}
            </span>
          </div>
        )}
        {result && (
          <p className="import-result" data-testid="import-result">
            {t('import.done', { added: result.added, changed: result.changed })}
          </p>
        )}
      </div>
      <div className="panel">
        <h2>{t('import.export')}</h2>
        <p className="muted">{t('import.exportExplain')}</p>
        <div className="form-row">
          <button
            type="button"
            className="secondary"
            onClick={() => void download('utf-8')}
            data-testid="export-utf8"
          >
            CSV UTF-8
          </button>
          <button type="button" className="secondary" onClick={() => void download('gb18030')}>
            CSV GB18030
          </button>
        </div>
      </div>
    </div>
  );
}
