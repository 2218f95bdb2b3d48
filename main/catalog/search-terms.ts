/**
 * Text for the FTS5 index and MATCH expressions for it. SQLite's unicode61 tokenizer keeps
 * a run of Chinese characters as one token, so "可乐" could never find "可口可乐". Storing
 * every CJK character as its own token and querying Chinese as a phrase of single
 * characters finds any substring instead.
 */

/** Han, kana and hangul: scripts written without spaces between words. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const CJK_EACH = new RegExp(CJK.source, 'gu');

/** What unicode61 treats as token characters by default (categories "L* N* Co"). */
const TOKEN_RUN = /[\p{L}\p{N}\p{Co}]+/gu;

/** The text to index: every CJK character stands apart as its own token. */
export function searchText(text: string): string {
  return text.replace(CJK_EACH, ' $& ').replace(/\s+/g, ' ').trim();
}

/** A query term as an FTS5 string; the tokens hold no quotes, but a quote is escaped anyway. */
const quote = (text: string): string => `"${text.replaceAll('"', '""')}"`;

/**
 * The MATCH expression for what a cashier typed, or null when it has nothing to search for.
 * The user's text never reaches FTS5 as syntax: it is cut into tokens, each quoted. Words
 * match by prefix ("coca co" finds "Coca-Cola"); consecutive Chinese characters match as a
 * phrase ("可乐" finds "可口可乐"). All terms must match.
 */
export function matchExpression(query: string): string | null {
  const terms: string[] = [];
  for (const [run] of query.matchAll(TOKEN_RUN)) {
    let cjk: string[] = [];
    let word = '';
    const flushCjk = (): void => {
      if (cjk.length > 0) terms.push(quote(cjk.join(' ')));
      cjk = [];
    };
    const flushWord = (): void => {
      if (word !== '') terms.push(`${quote(word)}*`);
      word = '';
    };
    for (const char of run) {
      if (CJK.test(char)) {
        flushWord();
        cjk.push(char);
      } else {
        flushCjk();
        word += char;
      }
    }
    flushWord();
    flushCjk();
  }
  return terms.length > 0 ? terms.join(' AND ') : null;
}
