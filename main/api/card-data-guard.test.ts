/**
 * upstream-sync-v1 "Card data" applied to everything a person types: a card number in a note,
 * a name, a reference, a reason or a product name is refused with `card_data_in_text` before
 * anything is saved, and afterwards no file of the data folder holds one.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cardDataCommands, cardDataInInput } from '@app/api/card-data-guard';
import { commandNames } from '@app/api/contract';
import { testCards } from '@app/card/test-cards';
import { demoCatalog } from '../catalog/demo-catalog';
import type { Services } from '../services';
import { call, signInOwner, tempServices } from '../testing/temp-services';
import { describeFindings, scanForCardData } from '../testing/card-data-scan';

const visa = testCards.visa.pan;
const unionpay = testCards.unionpayDebit2.pan;
// How people type a number they read off a card: grouped by spaces or dashes.
const grouped = visa.replace(/(\d{4})(?=\d)/g, '$1 ');
const dashed = unionpay.replace(/(\d{4})(?=\d)/g, '$1-');

let services: Services;
let dataDir: string;
beforeEach(async () => {
  ({ services, dataDir } = tempServices());
  await signInOwner(services);
  await call(services, 'cart.scan', { code: demoCatalog()[0]!.barcode });
});
afterEach(() => services.close());

async function refused(command: Parameters<Services['dispatch']>[0], input: unknown) {
  const result = await services.dispatch(command, input);
  expect(result.ok ? 'accepted' : result.error.code, command).toBe('card_data_in_text');
  return result.ok ? null : result.error;
}

describe('card numbers typed into free text', () => {
  it('are refused in every place a person types text, and nothing is saved', async () => {
    const { totals } = await call(services, 'cart.get', {});
    await refused('hold.park', { note: `Mr Li, card ${grouped}` });
    await refused('members.add', { name: `Li ${visa}`, phone: '13800138000' });
    await refused('payment.other', {
      amountMinor: totals.totalMinor,
      kind: 'voucher',
      reference: dashed,
    });
    await refused('shift.payOut', { amountMinor: 100, reason: `refund to ${unionpay}` });
    const product = demoCatalog()[1]!;
    await refused('catalog.save', {
      product: {
        id: null,
        sku: 'NEW-1',
        barcode: '',
        extraBarcodes: [],
        nameEn: `Gift card ${visa}`,
        nameZh: '礼品卡',
        priceMinor: 100,
        taxClass: product.taxClass,
        categoryId: null,
        costMinor: null,
        unit: 'piece',
        active: true,
        trackStock: false,
        favourite: false,
        plu: null,
      },
    });

    // Nothing was lost either: the cart is as it was, nothing held, no tender taken.
    expect((await call(services, 'cart.get', {})).lines).toHaveLength(1);
    expect(await call(services, 'hold.list', {})).toEqual([]);
    await services.close();
    const scan = scanForCardData(dataDir);
    expect(scan.databases).toBeGreaterThan(0);
    expect(scan.findings, describeFindings(scan.findings)).toEqual([]);
  });

  it('names the field, never the number, in the error', async () => {
    const error = await refused('hold.park', { note: grouped });
    expect(error?.params).toEqual({ field: 'note' });
    expect(JSON.stringify(error)).not.toContain('4111');
  });

  it('leaves numbers that are not card numbers alone', async () => {
    // A phone number, a 13-digit barcode and a 16-digit number failing the Luhn check.
    const held = await call(services, 'hold.park', {
      note: '13800138000 6901234567892 4111111111111112',
    });
    expect(held.note).toContain('4111111111111112');
  });
});

describe('the commands exempt from the rule', () => {
  it('are only those whose input is card data or an identity by design', () => {
    expect([...cardDataCommands].sort()).toEqual([
      'cart.scan',
      'devices.wedgeSwipe',
      'payment.qr',
      'sync.bind',
    ]);
  });

  it('covers every other command, at any depth of its input and in track form', () => {
    const input = { a: [{ b: `;${visa}=2912101?` }] };
    for (const command of commandNames.filter((name) => !cardDataCommands.has(name))) {
      expect(cardDataInInput(command, input), command).toBe('a[0].b');
    }
  });
});
