import { useTranslation } from 'react-i18next';
import type { BackupCopy } from '@app/api/contract';
import { formatBytes } from '../common/format';
import { localTime } from './backup-text';

/** The headings of what every backup copy row shows: when, which till, how much. */
export function BackupCopyHeadings() {
  const { t } = useTranslation();
  return (
    <>
      <th>{t('backup.made')}</th>
      <th>{t('backup.terminal')}</th>
      <th className="col-money">{t('backup.entries')}</th>
      <th className="col-money">{t('backup.size')}</th>
    </>
  );
}

/** A copy's facts from its manifest; `markOther` flags a copy made on another till. */
export function BackupCopyFacts({ copy, markOther }: { copy: BackupCopy; markOther: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <td>{localTime(copy.createdAt)}</td>
      <td>
        {copy.terminalId ?? '—'}
        {markOther && !copy.thisTerminal && (
          <span className="badge backup-other">{t('backup.otherTerminal')}</span>
        )}
      </td>
      <td className="col-money">{copy.headSeq ?? '—'}</td>
      <td className="col-money">{formatBytes(copy.bytes)}</td>
    </>
  );
}
