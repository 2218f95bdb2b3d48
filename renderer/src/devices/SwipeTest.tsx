import { useTranslation } from 'react-i18next';
import type { MaskedSwipe, SwipeDiagnosisView } from '@app/api/contract';
import { useCardMessage, useCardName } from '../common/format';

/** The last swipe as the technician needs it: masked card, read quality, each track's checks. */
export function SwipeTest({ swipe }: { swipe: MaskedSwipe }) {
  const { t } = useTranslation();
  const cardMessage = useCardMessage();
  const cardName = useCardName();
  return (
    <div className="swipe-test" data-testid="last-swipe" data-quality={swipe.diagnosis?.quality}>
      <p className={swipe.ok ? 'swipe-ok' : 'state-error'}>
        {t('devices.lastSwipe')} ({t(`devices.swipeSource.${swipe.source}`)}):{' '}
        {swipe.ok
          ? t('devices.swipeOk', {
              pan: swipe.maskedPan,
              card: cardName(swipe.brand, swipe.kind),
              expiry: swipe.expiry,
            })
          : cardMessage(swipe.code, swipe.message)}
      </p>
      {swipe.diagnosis && <Diagnosis diagnosis={swipe.diagnosis} />}
    </div>
  );
}

function Diagnosis({ diagnosis }: { diagnosis: SwipeDiagnosisView }) {
  const { t } = useTranslation();
  const cardMessage = useCardMessage();
  return (
    <>
      <p>
        {t('devices.swipeQuality')}:{' '}
        <span className={`badge badge-quality-${diagnosis.quality}`}>
          {t(`devices.quality.${diagnosis.quality}`)}
        </span>
        {diagnosis.framing && ` · ${cardMessage(diagnosis.framing, diagnosis.framing)}`}
      </p>
      <table className="table compact" data-testid="swipe-tracks">
        <thead>
          <tr>
            <th>{t('devices.track')}</th>
            <th>{t('devices.trackState')}</th>
            <th>{t('devices.trackLength')}</th>
            <th>LRC</th>
            <th>{t('devices.trackFailed')}</th>
          </tr>
        </thead>
        <tbody>
          {diagnosis.tracks.map((track) => (
            <tr key={track.track} data-testid={`track-${track.track}`} data-state={track.state}>
              <td>{track.track}</td>
              <td>{t(`devices.trackState.${track.state}`)}</td>
              <td>{track.state === 'absent' ? '—' : track.length}</td>
              <td>{track.lrc === null ? '—' : t(`devices.lrc.${track.lrc}`)}</td>
              <td>{track.code === null ? '—' : cardMessage(track.code, track.code)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
