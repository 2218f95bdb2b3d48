import type { layoutEn } from './layout-en';

/** 收银台框架的中文：导航分组、提示、对话框、界面错误（并入 zh-CN.ts）。 */
export const layoutZhCN: Record<keyof typeof layoutEn, string> = {
  'nav.group.till': '收银',
  'nav.group.backOffice': '后台',
  'nav.group.devices': '设备',
  'notice.dismiss': '关闭',
  'confirm.yes': '是',
  'confirm.no': '否',
  'cart.clearTitle': '取消交易',
  'screen.failed': '此界面出错：{{message}}。已保存的内容不会丢失。',
  'screen.back': '返回收银',
  'import.changedFields': '将更改的内容',
  'import.fields': '字段',
  'import.moreChanged': '另有 {{n}} 个更改的商品（未列出）',
  'screen.retry': '重试',
  'app.loading': '正在连接收银服务…',
};
