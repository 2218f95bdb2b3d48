import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  value: number;
  max: number;
  onChange: (value: number) => void;
  label: string;
  testId: string;
  /** While the refund runs: shown, not changed. */
  disabled?: boolean;
}

/**
 * 0..max units: large − and + for fingers; for the keyboard one focusable spin button
 * (arrows, + and −, Home/End, a digit). The buttons stay out of the tab order so Tab moves
 * line by line.
 */
export function QuantityStepper({ value, max, onChange, label, testId, disabled = false }: Props) {
  const { t } = useTranslation();
  const set = (next: number) => onChange(Math.min(Math.max(next, 0), max));
  const onKeyDown = (event: KeyboardEvent<HTMLSpanElement>) => {
    if (disabled) return;
    const key = event.key;
    let next: number | null = null;
    if (key === 'ArrowUp' || key === 'ArrowRight' || key === '+') next = value + 1;
    else if (key === 'ArrowDown' || key === 'ArrowLeft' || key === '-') next = value - 1;
    else if (key === 'Home') next = 0;
    else if (key === 'End') next = max;
    else if (/^\d$/.test(key)) next = Number(key);
    if (next === null) return;
    event.preventDefault();
    set(next);
  };
  return (
    <div className="stepper" data-testid={testId}>
      <button
        type="button"
        tabIndex={-1}
        className="stepper-button"
        disabled={disabled || value <= 0}
        onClick={() => set(value - 1)}
        aria-label={t('correction.refund.less')}
        data-testid={`${testId}-less`}
      >
        −
      </button>
      <span
        className="stepper-value"
        role="spinbutton"
        tabIndex={0}
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={value}
        aria-disabled={disabled}
        onKeyDown={onKeyDown}
        data-testid={`${testId}-value`}
      >
        {value}
      </span>
      <button
        type="button"
        tabIndex={-1}
        className="stepper-button"
        disabled={disabled || value >= max}
        onClick={() => set(value + 1)}
        aria-label={t('correction.refund.more')}
        data-testid={`${testId}-more`}
      >
        +
      </button>
    </div>
  );
}
