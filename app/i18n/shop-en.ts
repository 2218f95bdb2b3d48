/** Tax classes, currencies and each person's language (issue #16). */
export const shopEn = {
  'errors.tax_class_none': 'Keep at least one tax class.',
  'errors.tax_class_too_many': 'At most {{max}} tax classes.',
  'errors.tax_class_name': 'Every tax class needs a name of at most {{max}} characters.',
  'errors.tax_class_repeated': 'Two tax classes are both called “{{name}}”.',
  'errors.tax_rate_invalid':
    'The rate of “{{name}}” is a percentage from 0 to 100 with at most two decimals.',
  'tax.classes': 'Tax classes',
  'tax.name': 'Name',
  'tax.rate': 'Rate (%)',
  'tax.add': 'Add tax class',
  'tax.remove': 'Remove',
  'tax.removeNamed': 'Remove {{name}}',
  'tax.hint': 'Products keep their class when it is renamed; a class in use cannot be removed.',
  'settings.receiptLanguage': 'Receipt language',
  'settings.receiptLanguageHint':
    'Receipts print in this language. Each person picks their own screen language with the 中文/EN button.',
  'session.language': 'Screen language',
} as const;
