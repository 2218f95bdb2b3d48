/** English messages of the till's frame (navigation groups, notices, dialogs, screen errors) and the import dry run's changes. */
export const layoutEn = {
  'nav.group.till': 'Till',
  'nav.group.backOffice': 'Back office',
  'nav.group.devices': 'Devices',
  'notice.dismiss': 'Dismiss',
  'confirm.yes': 'Yes',
  'confirm.no': 'No',
  'cart.clearTitle': 'Cancel sale',
  'screen.failed': 'This screen stopped working: {{message}}. Nothing you saved is lost.',
  'screen.back': 'Back to selling',
  'import.changedFields': 'What changes',
  'import.fields': 'Fields',
  'import.moreChanged': '{{n}} more changed products (not listed)',
  'screen.retry': 'Try again',
  'app.loading': 'Connecting to the till…',
} as const;
