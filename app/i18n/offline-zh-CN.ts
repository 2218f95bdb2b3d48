import type { offlineEn } from './offline-en';

/** 离线受理银行卡（有限额）的中文（并入 zh-CN.ts）。 */
export const offlineZhCN: Record<keyof typeof offlineEn, string> = {
  'errors.offline_card_refused':
    '支付未完成，正在冲正。无法连接支付主机（{{reason}}）：不受理刷卡。未扣款：请收现金。',
  'errors.offline_qr_refused':
    '支付未完成，正在冲正。无法连接支付主机（{{reason}}），付款码只能在线使用。未扣款：请收现金。',
  'errors.offline_per_sale_cap':
    '支付未完成，正在冲正。无法连接支付主机：离线刷卡每笔不超过 {{limit}}。未扣款：请收现金。',
  'errors.offline_total_cap':
    '支付未完成，正在冲正。无法连接支付主机：待上送的离线刷卡将超过总限额 {{limit}}（剩余 {{left}}）。未扣款：请收现金。',
  'errors.offline_count_cap':
    '支付未完成，正在冲正。无法连接支付主机：已有 {{max}} 笔离线刷卡等待上送。未扣款：请收现金。',
  'errors.offline_too_old':
    '支付未完成，正在冲正。无法连接支付主机，且有一笔离线刷卡已等待将近 24 小时：暂停离线受理。未扣款：请收现金，并检查与主机的连接。',
  'errors.offline_item_not_found': '该笔支付不在待处理清单中（或已处理）。请刷新页面。',
  'errors.offline_not_forwarded':
    '该笔刷卡为离线受理，主机尚未批准（{{status}}）：无法退回到卡上。请退现金，或取消，待主机收到后再试。',
  'offline.title': '离线受理银行卡',
  'offline.hint':
    '无法连接支付主机时，限额内的刷卡由收银机先行批准，并在 24 小时内上送主机。主机仍可能拒绝：届时需向顾客追收。付款码为一次性，只能在线使用。',
  'offline.enabled': '主机无法连接时受理刷卡',
  'offline.perSaleCap': '每笔限额',
  'offline.totalCap': '待上送总限额',
  'offline.countCap': '待上送最多笔数',
  'offline.save': '保存离线设置',
  'offline.saved': '离线设置已保存。',
  'offline.invalid': '请检查填写的值：金额如 500.00，笔数为整数；开启离线受理时各限额须大于 0。',
  'offline.pending': '等待上送主机：{{count}} 笔，共 {{total}}',
  'offline.oldest': '最早一笔受理于 {{at}}，须在 24 小时内送达主机。',
  'offline.worklist': '需向顾客追收',
  'offline.worklistHint': '被主机拒绝或未能在 24 小时内上送的离线刷卡：这些款项顾客尚未支付。',
  'offline.noWorklist': '没有被拒绝或过期的离线刷卡。',
  'offline.sale': '销售单',
  'offline.accepted': '受理时间',
  'offline.card': '卡号',
  'offline.amount': '金额',
  'offline.outcome': '主机结果',
  'offline.declined': '拒绝 {{code}}：{{message}}',
  'offline.expired': '24 小时内未上送',
  'offline.note': '处理情况',
  'offline.notePlaceholder': '例如：已收现金',
  'offline.resolve': '标记为已处理',
  'offline.resolved': '{{at}} 由 {{by}} 处理：{{note}}',
  'offline.noteRequired': '请先填写处理情况，再标记为已处理。',
  'tender.acceptedOffline': '离线受理：主机恢复后上送',
  'tender.qrOnlineOnly': '付款码为一次性，只能在主机可连接时使用。',
  'receipt.offline': '离线批准',
} as const;
