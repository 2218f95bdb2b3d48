import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  children: ReactNode;
  /** Leaves the broken screen (to selling); absent on the Sell screen itself. */
  onBack?: () => void;
}

/**
 * One screen's fault stays in that screen: a render error shows a translated message with a
 * way back instead of a blank till. The nav and the other screens keep working.
 */
export class ScreenBoundary extends Component<Props, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('screen failed', error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <ScreenFailed
        message={this.state.error.message}
        onRetry={() => this.setState({ error: null })}
        onBack={this.props.onBack}
      />
    );
  }
}

function ScreenFailed({
  message,
  onRetry,
  onBack,
}: {
  message: string;
  onRetry: () => void;
  onBack: (() => void) | undefined;
}) {
  const { t } = useTranslation();
  return (
    <div className="screen-failed" role="alert" data-testid="screen-failed">
      <p>{t('screen.failed', { message })}</p>
      <div className="dialog-actions">
        <button type="button" className="secondary" onClick={onRetry}>
          {t('screen.retry')}
        </button>
        {onBack && (
          <button type="button" className="primary" onClick={onBack}>
            {t('screen.back')}
          </button>
        )}
      </div>
    </div>
  );
}
