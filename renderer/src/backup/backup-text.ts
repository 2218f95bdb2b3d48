import { useTranslation } from 'react-i18next';
import type { BackupCopy } from '@app/api/contract';
import { formatLocalDateTime } from '@app/time/local-time';

const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** A time as the till's local date and time; a dash for none. */
export const localTime = (iso: string | null): string =>
  iso ? formatLocalDateTime(iso, zone) : '—';

/** "database damaged; checksum differs": a copy's problems in the screen's language. */
export function useProblemText(): (problems: BackupCopy['verified']['problems']) => string {
  const { t } = useTranslation();
  return (problems) =>
    [...new Set(problems.map((problem) => t(`backup.problem.${problem.kind}`)))].join('; ');
}
