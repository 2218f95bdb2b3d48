/** A message a cashier can read, in both languages the app ships (STYLE.md rule 6). */
export interface Bilingual {
  readonly en: string;
  readonly zh: string;
}

const t = (en: string, zh: string): Bilingual => ({ en, zh });

/**
 * Intermediate status codes (04 FF, PA00P015 §10 "Intermediate status"), as the English
 * list in Portalum.Zvt (EnglishIntermediateStatusRepository.cs) transcribes the spec.
 * Note 0x0B is "please remove card"; 0x17 is a second "please wait".
 */
export type IntermediateKind =
  | 'confirm-amount'
  | 'watch-pin-pad'
  | 'waiting-for-host'
  | 'insert-card'
  | 'remove-card'
  | 'please-wait'
  | 'card-problem'
  | 'pin-problem'
  | 'approved'
  | 'declined'
  | 'other';

const INTERMEDIATE = new Map<number, readonly [IntermediateKind, Bilingual]>([
  [0x00, ['confirm-amount', t('Confirm the amount on the terminal', '请在终端上确认金额')]],
  [0x01, ['watch-pin-pad', t('Please watch the PIN pad', '请注意密码键盘')]],
  [0x02, ['watch-pin-pad', t('Please watch the PIN pad', '请注意密码键盘')]],
  [0x03, ['declined', t('Not accepted', '不接受')]],
  [0x04, ['waiting-for-host', t('Waiting for the bank', '正在等待银行响应')]],
  [0x05, ['waiting-for-host', t('Sending automatic reversal', '正在发送自动冲正')]],
  [0x06, ['waiting-for-host', t('Sending post-bookings', '正在发送补录交易')]],
  [0x07, ['card-problem', t('Card not accepted', '不支持此卡')]],
  [0x08, ['card-problem', t('Card unknown', '未知卡片')]],
  [0x09, ['card-problem', t('Card expired', '卡片已过期')]],
  [0x0a, ['insert-card', t('Insert, tap or swipe the card', '请插卡、挥卡或刷卡')]],
  [0x0b, ['remove-card', t('Please remove the card', '请取出卡片')]],
  [0x0c, ['card-problem', t('Card not readable', '无法读取卡片')]],
  [0x0d, ['card-problem', t('Processing error', '处理错误')]],
  [0x0e, ['please-wait', t('Please wait…', '请稍候…')]],
  [0x0f, ['please-wait', t('Terminal is closing the day', '终端正在自动日结')]],
  [0x10, ['card-problem', t('Invalid card', '无效卡片')]],
  [0x13, ['declined', t('Payment not possible', '无法支付')]],
  [0x14, ['declined', t('Insufficient funds', '余额不足')]],
  [0x15, ['pin-problem', t('Incorrect PIN', '密码错误')]],
  [0x16, ['declined', t('Limit not sufficient', '额度不足')]],
  [0x17, ['please-wait', t('Please wait…', '请稍候…')]],
  [0x18, ['pin-problem', t('PIN try limit exceeded', '密码错误次数超限')]],
  [0x19, ['card-problem', t('Card data incorrect', '卡片数据错误')]],
  [0x1c, ['approved', t('Approved', '已批准')]],
  [0x1d, ['declined', t('Declined', '已拒绝')]],
  [0x2c, ['please-wait', t('Selecting the application…', '正在选择应用…')]],
]);

/** 0x41…0x5D are 0x01…0x1D with "please remove card" added (same source). */
export function intermediateStatus(code: number): { kind: IntermediateKind; text: Bilingual } {
  const direct = INTERMEDIATE.get(code);
  if (direct) return { kind: direct[0], text: direct[1] };
  const base = code >= 0x41 && code <= 0x5d ? INTERMEDIATE.get(code - 0x40) : undefined;
  if (base) {
    return {
      kind: code === 0x4b ? 'remove-card' : base[0],
      text: t(
        `${base[1].en.replace(/[.…!]+$/, '')}. Please remove the card`,
        `${base[1].zh.replace(/…$/, '')}，请取出卡片`,
      ),
    };
  }
  return { kind: 'other', text: t('Terminal busy', '终端处理中') };
}

/**
 * Why a payment did not go through, from the result code (BMP 27 / 06 1E, PA00P015 §11
 * "Error messages"; names as in kotlin-zvt-library ZvtConstants.kt and ecrterm). Codes
 * 0x01…0x63 come from the card issuer's host (ISO 8583 response codes, e.g. 05 "do not
 * honour"), so they are grouped as 'declined-by-bank'.
 */
export type DeclineReason =
  | 'declined-by-bank'
  | 'card-not-readable'
  | 'card-not-supported'
  | 'card-expired'
  | 'card-blocked'
  | 'insufficient-funds'
  | 'wrong-pin'
  | 'cancelled-or-timed-out'
  | 'terminal-not-ready'
  | 'no-connection-to-bank'
  | 'reversal-not-possible'
  | 'processing-error'
  | 'other';

const RESULT = new Map<number, readonly [DeclineReason, Bilingual]>([
  [0x64, ['card-not-readable', t('Card not readable', '无法读取卡片')]],
  [0x65, ['card-not-readable', t('No card data found', '未读取到卡片数据')]],
  [0x66, ['processing-error', t('Processing error (card reader)', '处理错误（读卡器）')]],
  [0x67, ['card-not-supported', t('Not allowed for this debit card', '此借记卡不支持该功能')]],
  [0x68, ['card-not-supported', t('Not allowed for this credit card', '此信用卡不支持该功能')]],
  [0x6a, ['terminal-not-ready', t('Terminal turnover file full', '终端交易记录已满')]],
  [0x6b, ['terminal-not-ready', t('Function deactivated on the terminal', '终端已停用该功能')]],
  [0x6c, ['cancelled-or-timed-out', t('Cancelled or timed out', '已取消或超时')]],
  [0x6e, ['card-blocked', t('Card is blocked', '卡片已被冻结')]],
  [0x6f, ['other', t('Wrong currency', '币种错误')]],
  [0x71, ['insufficient-funds', t('Insufficient funds on the chip', '卡内余额不足')]],
  [0x72, ['card-not-readable', t('Chip error', '芯片错误')]],
  [0x73, ['card-not-readable', t('Card data incorrect', '卡片数据错误')]],
  [0x77, ['terminal-not-ready', t('End of day not possible', '无法日结')]],
  [0x78, ['card-expired', t('Card expired', '卡片已过期')]],
  [0x79, ['card-expired', t('Card not yet valid', '卡片尚未生效')]],
  [0x7a, ['card-not-supported', t('Card unknown', '未知卡片')]],
  [0x7d, ['no-connection-to-bank', t('Communication error', '通讯错误')]],
  [0x83, ['other', t('Function not possible', '无法执行该功能')]],
  [0x9a, ['processing-error', t('ZVT protocol error', 'ZVT 协议错误')]],
  [0x9c, ['terminal-not-ready', t('Terminal busy, please wait', '终端忙，请稍候')]],
  [0xa0, ['no-connection-to-bank', t('Receiver not ready', '接收方未就绪')]],
  [0xa1, ['no-connection-to-bank', t('Bank does not answer', '银行无响应')]],
  [0xa3, ['no-connection-to-bank', t('No connection to the bank', '无法连接银行')]],
  [0xb4, ['reversal-not-possible', t('Already reversed', '已冲正')]],
  [0xb5, ['reversal-not-possible', t('Reversal not possible', '无法冲正')]],
  [0xc3, ['declined-by-bank', t('Maximum amount exceeded', '超过最高金额')]],
  [0xcc, ['terminal-not-ready', t('Terminal printer not ready', '终端打印机未就绪')]],
  [0xdc, ['terminal-not-ready', t('A card is still inserted', '卡片仍在读卡器中')]],
  [0xe2, ['terminal-not-ready', t('Card reader defective', '读卡器故障')]],
  [0xff, ['other', t('Terminal system error', '终端系统错误')]],
]);

/**
 * Common host answers inside 0x01…0x63: the byte is the ISO 8583 response code read as a
 * decimal number (0x63 = 99), so "51 insufficient funds" arrives as 0x33.
 */
const HOST = new Map<number, readonly [DeclineReason, Bilingual]>([
  [5, ['declined-by-bank', t('Declined by the bank (do not honour)', '银行拒绝（不予承兑）')]],
  [51, ['insufficient-funds', t('Insufficient funds', '余额不足')]],
  [54, ['card-expired', t('Card expired', '卡片已过期')]],
  [55, ['wrong-pin', t('Incorrect PIN', '密码错误')]],
]);

export function resultCode(code: number): { reason: DeclineReason; text: Bilingual } {
  const known = RESULT.get(code) ?? HOST.get(code);
  if (known) return { reason: known[0], text: known[1] };
  if (code >= 0x01 && code <= 0x63) {
    return {
      reason: 'declined-by-bank',
      text: t(`Declined by the bank (code ${code})`, `银行拒绝（代码 ${code}）`),
    };
  }
  const hexCode = code.toString(16).toUpperCase().padStart(2, '0');
  return { reason: 'other', text: t(`Terminal error ${hexCode}`, `终端错误 ${hexCode}`) };
}
