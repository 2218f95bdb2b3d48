import type { shopEn } from './shop-en';

export const shopZhCN: Record<keyof typeof shopEn, string> = {
  'errors.tax_class_none': '至少保留一个税率类别。',
  'errors.tax_class_too_many': '税率类别最多 {{max}} 个。',
  'errors.tax_class_name': '每个税率类别都需要名称，最多 {{max}} 个字符。',
  'errors.tax_class_repeated': '有两个税率类别都叫“{{name}}”。',
  'errors.tax_rate_invalid': '“{{name}}”的税率应为 0 到 100 的百分比，最多两位小数。',
  'tax.classes': '税率类别',
  'tax.name': '名称',
  'tax.rate': '税率（%）',
  'tax.add': '添加税率类别',
  'tax.remove': '删除',
  'tax.removeNamed': '删除{{name}}',
  'tax.hint': '类别改名后商品仍属于该类别；有商品在用的类别不能删除。',
  'settings.receiptLanguage': '小票语言',
  'settings.receiptLanguageHint': '小票用这种语言打印。每个人可用“中文/EN”按钮选择自己的界面语言。',
  'session.language': '界面语言',
};
