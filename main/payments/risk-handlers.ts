import type { RiskView } from '@app/api/contract';
import { panOfTrack2 } from '@app/card/track2';
import { DomainError } from '@app/result';
import type { Handlers } from '../kernel/handlers';
import type { CardKeyer } from './card-keyer';
import type { RiskGuard } from './risk-guard';
import type { RiskSettingsStore } from './risk-settings';

export interface RiskHandlerDeps {
  risk: RiskGuard;
  riskSettings: RiskSettingsStore;
  cardKeyer: CardKeyer;
  /** The latest swipe's track 2, handed over once (DeviceService.takeTrack2). */
  takeTrack2: () => string | null;
}

type RiskCommand = Extract<keyof Handlers, `risk.${string}`>;

/** The owner's `risk.*` commands: risk rules, blocked cards, refusals. */
export function riskHandlers(d: RiskHandlerDeps): Pick<Handlers, RiskCommand> {
  const view = (): RiskView => {
    const { blockedCardKeys, ...rules } = d.riskSettings.get();
    return { rules, blockedCards: blockedCardKeys.length, events: d.risk.events(100) };
  };
  return {
    'risk.get': view,
    'risk.set': (rules) => {
      const current = d.riskSettings.get();
      // Offline acceptance is set by offline.setSettings; left out here, it stays as it is.
      const offline = rules.offline ?? current.offline;
      d.riskSettings.set({ ...rules, offline, blockedCardKeys: current.blockedCardKeys });
      return view();
    },
    'risk.blockSwipedCard': () => {
      const track2 = d.takeTrack2();
      const pan = track2 === null ? null : panOfTrack2(track2);
      if (pan === null) throw new DomainError('no_swipe', 'Swipe the card to block first');
      const current = d.riskSettings.get();
      const key = d.cardKeyer.keyOf(pan);
      if (!current.blockedCardKeys.includes(key)) {
        d.riskSettings.set({ ...current, blockedCardKeys: [...current.blockedCardKeys, key] });
      }
      return view();
    },
    'risk.unblockCards': () => {
      d.riskSettings.set({ ...d.riskSettings.get(), blockedCardKeys: [] });
      return view();
    },
  };
}
