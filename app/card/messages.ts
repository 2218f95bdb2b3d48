import type { CardErrorCode } from './errors';

export type CardLocale = 'en' | 'zh-CN';

/**
 * What the cashier reads for each swipe error. Kept here so app/i18n can spread it into its
 * tables; a test checks every code has both languages.
 */
export const cardMessages: Record<CardLocale, Record<CardErrorCode, string>> = {
  en: {
    track_unreadable: 'The card could not be read. Swipe again, steadily.',
    no_start_sentinel: 'The swipe started in the middle of the stripe. Swipe again.',
    no_end_sentinel: 'The swipe was cut short. Swipe again.',
    track_too_long: 'The stripe held more data than a bank card can. Swipe again.',
    invalid_character: 'The stripe data is garbled. Swipe again.',
    lrc_mismatch: 'The stripe failed its check. Swipe again, steadily.',
    unsupported_format: 'This is not a bank card stripe.',
    missing_separator: 'The stripe data is incomplete. Swipe again.',
    bad_pan: 'The card number on the stripe is not valid.',
    luhn_failed: 'The card number failed its check digit. Swipe again.',
    bad_expiry: 'The expiry date on the stripe is not valid.',
    card_expired: 'This card has expired.',
    bad_service_code: 'The service code on the stripe is not valid.',
    track_mismatch: 'The two tracks of the stripe disagree. Swipe again.',
    swipe_incomplete: 'The reader sent only part of the swipe. Swipe again.',
    report_malformed: 'The card reader sent data it should not. Reconnect the reader.',
  },
  'zh-CN': {
    track_unreadable: '无法读取此卡，请匀速重新刷卡。',
    no_start_sentinel: '刷卡起始位置有误，请重新刷卡。',
    no_end_sentinel: '刷卡数据不完整，请重新刷卡。',
    track_too_long: '磁条数据超出银行卡长度，请重新刷卡。',
    invalid_character: '磁条数据有误，请重新刷卡。',
    lrc_mismatch: '磁条数据校验失败，请匀速重新刷卡。',
    unsupported_format: '这不是银行卡磁条。',
    missing_separator: '磁条数据不完整，请重新刷卡。',
    bad_pan: '磁条上的卡号无效。',
    luhn_failed: '卡号校验位错误，请重新刷卡。',
    bad_expiry: '磁条上的有效期无效。',
    card_expired: '此卡已过期。',
    bad_service_code: '磁条上的服务代码无效。',
    track_mismatch: '磁条两个磁道的数据不一致，请重新刷卡。',
    swipe_incomplete: '读卡器只发送了部分刷卡数据，请重新刷卡。',
    report_malformed: '读卡器发送了异常数据，请重新连接读卡器。',
  },
};
