import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { composeReason, REASON_MAX, reasonChoices } from './refund-draft';
import type { ReasonChoice } from './refund-draft';

export interface ReasonState {
  choice: ReasonChoice | null;
  text: string;
  setChoice: (choice: ReasonChoice) => void;
  setText: (text: string) => void;
  /** What goes to main and onto the slip; '' until a reason is given. */
  reason: string;
}

/** The reason of a void or refund: a quick choice and, if the cashier wants, their words. */
export function useReason(): ReasonState {
  const { t } = useTranslation();
  const [choice, setChoice] = useState<ReasonChoice | null>(null);
  const [text, setText] = useState('');
  const label = choice === null ? '' : t(`correction.reason.${choice}`);
  return { choice, text, setChoice, setText, reason: composeReason(choice, label, text) };
}

export function ReasonPicker({ state }: { state: ReasonState }) {
  const { t } = useTranslation();
  const hint =
    state.choice === null || state.choice === 'other'
      ? 'correction.reason.say'
      : 'correction.reason.details';
  return (
    <fieldset className="reason-picker">
      <legend>{t('correction.reason.title')}</legend>
      <div className="reason-choices" role="radiogroup" aria-label={t('correction.reason.title')}>
        {reasonChoices.map((choice) => (
          <button
            key={choice}
            type="button"
            role="radio"
            aria-checked={state.choice === choice}
            className={state.choice === choice ? 'reason-choice selected' : 'reason-choice'}
            onClick={() => state.setChoice(choice)}
            data-testid={`reason-${choice}`}
          >
            {t(`correction.reason.${choice}`)}
          </button>
        ))}
      </div>
      <input
        value={state.text}
        maxLength={REASON_MAX}
        onChange={(e) => state.setText(e.target.value)}
        placeholder={t(hint)}
        aria-label={t(hint)}
        data-testid="reason-text"
      />
    </fieldset>
  );
}
