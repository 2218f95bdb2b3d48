import { seededRandom } from '@app/util/seeded-random';
import { syntheticVocabulary } from '@main/catalog/synthetic-catalog';

/**
 * What cashiers type: half English prefixes ("gol", "golden man"), half Chinese substrings
 * of one to four characters ("可", "蜜桃可乐"), drawn from the synthetic catalog's words.
 */
export function searchQueries(count: number, seed: number): string[] {
  const next = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => {
    const item = list[Math.floor(next() * list.length)];
    if (item === undefined) throw new Error('empty list');
    return item;
  };
  const { brands, flavours, items } = syntheticVocabulary;
  const prefix = (word: string): string =>
    word.slice(0, 2 + Math.floor(next() * (word.length - 1))).toLowerCase();
  return Array.from({ length: count }, (_, i) => {
    const brand = pick(brands);
    const flavour = pick(flavours);
    const item = pick(items);
    if (i % 2 === 0) {
      const words = [prefix(brand[0])];
      if (next() < 0.5) words.push(prefix(pick([flavour[0], item[0]])));
      return words.join(' ');
    }
    const zh = `${brand[1]}${flavour[1]}${item[1]}`;
    const length = 1 + Math.floor(next() * 4);
    const start = Math.floor(next() * (zh.length - length + 1));
    return zh.slice(start, start + length);
  });
}
