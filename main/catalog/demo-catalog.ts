import { newProduct } from '@app/catalog/product';
import type { Category, Product } from '@app/catalog/product';
import { makeEan13 } from '@app/catalog/gtin';
import { demoProducts } from './demo-products';

export { syntheticCatalog } from './synthetic-catalog';

/** 690–695 are GS1 China's prefixes. */
const GS1_CHINA = 690;

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

/** The demo shelves as grid categories, in the order a cashier looks for them. */
export function demoCategories(): Category[] {
  const shelves: [id: string, en: string, zh: string, colour: string][] = [
    ['DRK', 'Drinks', '饮料', '#8ecae6'],
    ['ALC', 'Beer & spirits', '酒类', '#e9c46a'],
    ['DRY', 'Dairy', '乳制品', '#bde0fe'],
    ['SNK', 'Snacks', '零食', '#ffd166'],
    ['CND', 'Sweets', '糖果巧克力', '#f4a7b9'],
    ['INS', 'Quick meals', '速食', '#ffb4a2'],
    ['GRC', 'Groceries', '粮油调味', '#e0c9a6'],
    ['FRS', 'Fresh', '生鲜果蔬', '#b7e4c7'],
    ['FRZ', 'Frozen', '冷冻', '#a8dadc'],
    ['BKY', 'Bakery', '烘焙面包', '#f6bd60'],
    ['TEA', 'Tea & coffee', '茶饮冲调', '#cdb4db'],
    ['HSH', 'Household', '日用百货', '#d8e2dc'],
    ['PCR', 'Personal care', '个人护理', '#ffcad4'],
    ['STN', 'Stationery', '文具', '#c7f9cc'],
    ['PET', 'Pets', '宠物用品', '#e5e5e5'],
  ];
  return shelves.map(([id, nameEn, nameZh, colour], i) => ({
    id,
    nameEn,
    nameZh,
    colour,
    sortOrder: (i + 1) * 10,
  }));
}

/** What sells most in a convenience store: first on the grid. */
const FAVOURITES = new Set([
  'Coca-Cola 330ml',
  'Nongfu Spring Water 550ml',
  'Master Kong Iced Black Tea 500ml',
  'Tsingtao Beer Classic 330ml can',
  'Mengniu Pure Milk 250ml',
  "Lay's Potato Chips Original 40g",
  'Master Kong Braised Beef Noodles bag',
  'Shuanghui Ham Sausage 40g',
  'Fresh Eggs 10 pcs',
  'Vinda Facial Tissue single pack',
]);

/**
 * Loose goods weighed at a scale: priced per kg, known to the scale by a 5-digit item code
 * (PLU) it prints into its labels (21 12345 … price-embedded, 25 12345 … weight-embedded).
 */
const WEIGHED: [en: string, zh: string, perKgMinor: number, plu: string][] = [
  ['Loose Fuji Apples', '散装红富士苹果', 1280, '10001'],
  ['Loose Bananas', '散装香蕉', 698, '10002'],
  ['Roasted Peanuts in Shell', '散装炒花生', 3980, '10003'],
  ['Pork Belly', '五花肉', 4580, '10004'],
];

/**
 * The catalog a new install starts with, so a newcomer can sell within a minute. The same
 * every time: SKUs, barcodes and ids follow from each product's place in the table.
 */
export function demoCatalog(): Product[] {
  const perShelf = new Map<string, number>();
  const products = demoProducts().map((item) => {
    const n = (perShelf.get(item.shelf) ?? 0) + 1;
    perShelf.set(item.shelf, n);
    const sku = `${item.shelf}${pad(n, 4)}`;
    // Prefix, a 4-digit "manufacturer" per brand line, a 5-digit item per size.
    const body = `${GS1_CHINA + (item.line % 6)}${pad(1000 + item.line, 4)}${pad(item.size, 5)}`;
    return newProduct({
      id: `demo-${sku.toLowerCase()}`,
      sku,
      barcode: makeEan13(body),
      nameEn: item.nameEn,
      nameZh: item.nameZh,
      priceMinor: item.priceMinor,
      taxClass: item.taxClass,
      categoryId: item.shelf,
      favourite: FAVOURITES.has(item.nameEn),
    });
  });
  const weighed = WEIGHED.map(([nameEn, nameZh, priceMinor, plu], i) =>
    newProduct({
      id: `demo-wgt${pad(i + 1, 4)}`,
      sku: `WGT${pad(i + 1, 4)}`,
      // A shelf code too, for a pre-packed bag weighed by hand at the till.
      barcode: makeEan13(`695999${pad(i + 1, 6)}`),
      nameEn,
      nameZh,
      priceMinor,
      taxClass: 'reduced',
      categoryId: 'FRS',
      unit: 'kg',
      plu,
      favourite: i === 0,
    }),
  );
  return [...products, ...weighed];
}
