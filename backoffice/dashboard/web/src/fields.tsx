import type { ReactNode } from 'react';

/** A control with its label above it, joined by id so a screen reader names it. */
export function Field(props: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      {props.children}
    </div>
  );
}

/** A required text or password field of a sign-in form. */
export function TextField(props: {
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'password';
  autoComplete: string;
  autoFocus?: boolean;
}) {
  const id = `field-${props.name}`;
  return (
    <Field id={id} label={props.label}>
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        autoComplete={props.autoComplete}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        required
        autoFocus={props.autoFocus}
      />
    </Field>
  );
}

/** A failed call or a refused entry, in words, announced to a screen reader. */
export function ErrorBanner(props: { text: string | null }) {
  if (props.text === null) return null;
  return (
    <p className="error-banner" role="alert">
      {props.text}
    </p>
  );
}
