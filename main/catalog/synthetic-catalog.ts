import { seededRandom } from '@app/util/seeded-random';
import { newProduct } from '@app/catalog/product';
import type { Product } from '@app/catalog/product';
import { makeEan13 } from '@app/catalog/gtin';

/** Word pairs synthetic product names are made of; the bench draws its queries from them. */
export const syntheticVocabulary = {
  brands: [
    ['Golden', '金龙'],
    ['Sunny', '阳光'],
    ['Northern', '北方'],
    ['Jade', '翡翠'],
    ['Panda', '熊猫'],
    ['Lotus', '莲花'],
    ['Dragon', '神龙'],
    ['Phoenix', '凤凰'],
    ['Mountain', '高山'],
    ['River', '长江'],
    ['Harvest', '丰收'],
    ['Spring', '春泉'],
    ['Ocean', '海洋'],
    ['Crane', '仙鹤'],
    ['Bamboo', '翠竹'],
    ['Pearl', '明珠'],
    ['Silver', '银河'],
    ['Maple', '枫叶'],
    ['Orchid', '兰花'],
    ['Tiger', '猛虎'],
    ['Harmony', '和谐'],
    ['Lucky', '吉祥'],
    ['Village', '乡村'],
    ['Royal', '皇家'],
  ],
  flavours: [
    ['Original', '原味'],
    ['Spicy', '香辣'],
    ['Lemon', '柠檬'],
    ['Peach', '蜜桃'],
    ['Strawberry', '草莓'],
    ['Mango', '芒果'],
    ['Honey', '蜂蜜'],
    ['Sesame', '芝麻'],
    ['Seaweed', '海苔'],
    ['Tomato', '番茄'],
    ['Cucumber', '黄瓜'],
    ['Barbecue', '烧烤'],
    ['Chocolate', '巧克力'],
    ['Vanilla', '香草'],
    ['Jasmine', '茉莉'],
    ['Lychee', '荔枝'],
  ],
  items: [
    ['Cola', '可乐'],
    ['Green Tea', '绿茶'],
    ['Black Tea', '红茶'],
    ['Milk', '牛奶'],
    ['Yogurt', '酸奶'],
    ['Juice', '果汁'],
    ['Soda Water', '苏打水'],
    ['Coffee', '咖啡'],
    ['Potato Chips', '薯片'],
    ['Biscuits', '饼干'],
    ['Crackers', '脆饼'],
    ['Candy', '糖果'],
    ['Noodles', '方便面'],
    ['Sausage', '香肠'],
    ['Dumplings', '水饺'],
    ['Bread', '面包'],
    ['Ice Cream', '冰淇淋'],
    ['Tissues', '纸巾'],
    ['Shampoo', '洗发水'],
    ['Toothpaste', '牙膏'],
    ['Soap', '香皂'],
    ['Detergent', '洗衣液'],
    ['Rice', '大米'],
    ['Soy Sauce', '酱油'],
  ],
  sizes: [
    ['250ml', '250毫升'],
    ['330ml', '330毫升'],
    ['500ml', '500毫升'],
    ['1L', '1升'],
    ['40g', '40克'],
    ['100g', '100克'],
    ['500g', '500克'],
    ['1kg', '1千克'],
  ],
} as const;

/** The synthetic catalog's grid categories: SYN00 … SYN11. */
export const syntheticCategoryIds: readonly string[] = Array.from(
  { length: syntheticVocabulary.items.length / 2 },
  (_, i) => `SYN${String(i).padStart(2, '0')}`,
);

type Pair = readonly [en: string, zh: string];

const pick = <T>(list: readonly T[], next: () => number): T => {
  const item = list[Math.floor(next() * list.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
};

/**
 * `count` made-up products for load tests, generated lazily. Barcodes are valid EAN-13s
 * numbered in sequence under the prefixes 690–695, so they are unique up to 6 × 10⁹.
 */
export function* syntheticCatalog(count: number, seed: number): Generator<Product> {
  const next = seededRandom(seed);
  const { brands, flavours, items, sizes } = syntheticVocabulary;
  for (let i = 0; i < count; i++) {
    const brand: Pair = pick(brands, next);
    const flavour: Pair = pick(flavours, next);
    const itemIndex = Math.floor(next() * items.length);
    const item: Pair = items[itemIndex] ?? pick(items, next);
    const size: Pair = pick(sizes, next);
    const serial = String(i + 1).padStart(7, '0');
    yield newProduct({
      id: `syn-${seed}-${serial}`,
      sku: `SYN${serial}`,
      barcode: makeEan13(`${690 + (i % 6)}${String(Math.floor(i / 6)).padStart(9, '0')}`),
      nameEn: `${brand[0]} ${flavour[0]} ${item[0]} ${size[0]}`,
      nameZh: `${brand[1]}${flavour[1]}${item[1]} ${size[1]}`,
      // 1.00 to 199.99 in whole fen; one in five a basic food at the reduced rate.
      priceMinor: 100 + Math.floor(next() * 19_900),
      taxClass: next() < 0.2 ? 'reduced' : 'standard',
      // Two item kinds to a grid category: twelve categories of about 83,000 at a million.
      categoryId: syntheticCategoryIds[Math.floor(itemIndex / 2)] ?? null,
      favourite: i % 500 === 0,
    });
  }
}
