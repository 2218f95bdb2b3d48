import type { RiskView } from '@app/api/contract';
import { panOfTrack2 } from '@app/card/track2';
import { DomainError } from '@app/result';
import type { Handlers } from '../api/dispatcher';
import type { CardKeyer } from './card-keyer';
import type { RiskGuard } from './risk-guard';
import type { RiskSettingsStore } from './risk-settings';

export interface PaymentHandlerDeps {
  risk: RiskGuard;
  riskSettings: RiskSettingsStore;
  cardKeyer: CardKeyer;
  /** The latest swipe's track 2, handed over once (DeviceService.takeTrack2). */
  takeTrack2: () => string | null;
}

type PaymentCommand = Extract<keyof Handlers, `payments.${string}`>;

/** The owner's `payments.*` commands: risk rules, blocked cards, refusals. */
export function paymentHandlers(d: PaymentHandlerDeps): Pick<Handlers, PaymentCommand> {
  const view = (): RiskView => {
    const { blockedCardKeys, ...rules } = d.riskSettings.get();
    return { rules, blockedCards: blockedCardKeys.length, events: d.risk.events(100) };
  };
  return {
    'payments.risk': view,
    'payments.setRisk': (rules) => {
      d.riskSettings.set({ ...rules, blockedCardKeys: d.riskSettings.get().blockedCardKeys });
      return view();
    },
    'payments.blockSwipedCard': () => {
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
    'payments.unblockCards': () => {
      d.riskSettings.set({ ...d.riskSettings.get(), blockedCardKeys: [] });
      return view();
    },
  };
}
