import type { CustomerView } from '@app/display/customer-view';
import { lastItemScreen, messageScreen, thankYouScreen } from '@native/display/pole-screens';
import type { PoleScreen } from '@native/display/pole-screens';

/** The pole display's two lines for what the customer should see now. */
export function poleScreenOf(view: CustomerView): PoleScreen {
  switch (view.kind) {
    case 'welcome':
      return messageScreen('WELCOME');
    case 'item':
      return lastItemScreen({
        name: view.nameEn,
        quantity: view.quantity,
        lineTotalMinor: view.lineMinor,
        totalMinor: view.totalMinor,
        currency: view.currency,
      });
    case 'thanks':
      return thankYouScreen({ changeMinor: view.changeMinor, currency: view.currency });
  }
}
