import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface BindInput {
  hostUrl: string;
  merchantId: string;
  terminalId: string;
  bindingCode: string;
}

/** Each field keeps to its shape as typed: digits only, upper-case letters and digits. */
const FIELDS: {
  key: keyof BindInput;
  testId: string;
  inputMode: 'url' | 'numeric' | 'text';
  clean: (typed: string) => string;
}[] = [
  { key: 'hostUrl', testId: 'bind-host', inputMode: 'url', clean: (v) => v },
  {
    key: 'merchantId',
    testId: 'bind-merchant',
    inputMode: 'numeric',
    clean: (v) => v.replace(/\D/g, '').slice(0, 15),
  },
  {
    key: 'terminalId',
    testId: 'bind-terminal',
    inputMode: 'text',
    clean: (v) =>
      v
        .toUpperCase()
        .replace(/[^A-Z0-9]/g, '')
        .slice(0, 8),
  },
  {
    key: 'bindingCode',
    testId: 'bind-code',
    inputMode: 'numeric',
    clean: (v) => v.replace(/\D/g, '').slice(0, 6),
  },
];

/** Where the test host (`npm run host`) listens; a real shop types its host's address. */
const DEFAULT_HOST_URL = 'http://127.0.0.1:8787';

/**
 * The technician's binding form. The fields check their own shape as typed (digits only,
 * upper case), and the host's verdict on the code comes back as a message.
 */
export function BindForm({ onBind }: { onBind: (input: BindInput) => Promise<boolean> }) {
  const { t } = useTranslation();
  const [input, setInput] = useState<BindInput>({
    hostUrl: DEFAULT_HOST_URL,
    merchantId: '',
    terminalId: '',
    bindingCode: '',
  });
  const [busy, setBusy] = useState(false);
  const set = (key: keyof BindInput, value: string) => setInput((i) => ({ ...i, [key]: value }));
  const complete =
    /^\d{15}$/.test(input.merchantId) &&
    /^[A-Z0-9]{8}$/.test(input.terminalId) &&
    /^\d{6}$/.test(input.bindingCode) &&
    input.hostUrl.trim() !== '';

  return (
    <form
      className="panel bind-form"
      data-testid="bind-form"
      onSubmit={(e) => {
        e.preventDefault();
        setBusy(true);
        void onBind(input).then((ok) => {
          setBusy(false);
          // A refused code is spent either way: clear it so the next try starts fresh.
          if (!ok) set('bindingCode', '');
        });
      }}
    >
      <h2>{t('sync.bind.title')}</h2>
      <p className="muted">{t('sync.bind.explain')}</p>
      {FIELDS.map((field) => (
        <label key={field.key}>
          {t(`sync.bind.${field.key}`)}
          <input
            value={input[field.key]}
            onChange={(e) => set(field.key, field.clean(e.target.value))}
            inputMode={field.inputMode}
            autoComplete={field.key === 'bindingCode' ? 'one-time-code' : 'off'}
            data-testid={field.testId}
          />
        </label>
      ))}
      <button
        type="submit"
        className="primary"
        disabled={!complete || busy}
        data-testid="bind-submit"
      >
        {t('sync.bind.submit')}
      </button>
    </form>
  );
}
