import { useTranslation } from 'react-i18next';
import { Dialog } from './Dialog';

interface Props {
  title: string;
  question: string;
  onYes: () => void;
  onNo: () => void;
  testId?: string;
}

/** Yes or no, in the till's own dialog (the browser's confirm box blocks the whole page). */
export function ConfirmDialog({ title, question, onYes, onNo, testId = 'confirm-dialog' }: Props) {
  const { t } = useTranslation();
  return (
    <Dialog title={title} testId={testId} onCancel={onNo}>
      <p>{question}</p>
      <div className="dialog-actions">
        <button type="button" className="secondary" onClick={onNo} data-testid="confirm-no">
          {t('confirm.no')} (Esc)
        </button>
        <button
          type="button"
          className="primary"
          onClick={onYes}
          data-autofocus
          data-testid="confirm-yes"
        >
          {t('confirm.yes')}
        </button>
      </div>
    </Dialog>
  );
}
