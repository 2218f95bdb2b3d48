import type { correctionsEn } from './corrections-en';

/** 撤销与退货的中文文案（需求 6“更正”）。 */
export const correctionsZhCN: Record<keyof typeof correctionsEn, string> = {
  'errors.sale_already_voided': '该交易已撤销，没有可退的内容。',
  'errors.sale_partly_refunded': '该交易已部分退货，不能撤销。请对剩余部分办理退货。',
  'errors.refund_exceeds_left': '“{{name}}”最多还能退 {{left}}。',
  'errors.refund_nothing': '请至少选择一件要退的商品。',
  'errors.correction_pending':
    '有一笔撤销或退货（小票 {{seq}}）尚未完成：请先重试、改退现金或取消。',
  'errors.correction_not_found': '没有未完成的撤销或退货。',
  'errors.refund_leg_failed': '有一笔付款暂时无法退回。全部退回之前不会记账：请重试，或改退现金。',
  'errors.void_not_possible': '支付终端无法撤销这笔刷卡交易，请改为退货。',
  'staff.policy.refundLimit': '超过此金额的退货需经理批准',
  'correction.receipt.void': '撤销',
  'correction.receipt.refund': '退货',
  'correction.receipt.original': '原小票号',
  'correction.receipt.total': '退款金额',
  'correction.receipt.cash': '退现金',
  'correction.receipt.reason': '原因',
  'correction.receipt.by': '经办人',
  'correction.receipt.signature': '顾客签名：',
};
