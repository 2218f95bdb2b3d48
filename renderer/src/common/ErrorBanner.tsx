import { useTranslation } from 'react-i18next';

export interface Notice {
  kind: 'error' | 'info';
  text: string;
}

/** The one place errors show: large, at the top, announced to screen readers. */
export function NoticeBanner({ notice, onClose }: { notice: Notice | null; onClose: () => void }) {
  const { t } = useTranslation();
  if (!notice) return null;
  return (
    <div
      className={`notice notice-${notice.kind}`}
      role={notice.kind === 'error' ? 'alert' : 'status'}
    >
      <span data-testid="notice-text">{notice.text}</span>
      <button type="button" className="notice-close" onClick={onClose} aria-label={t('pay.cancel')}>
        ×
      </button>
    </div>
  );
}
