import { z } from 'zod';
import { command } from './command';
import { printJobSchema } from './schemas';
import {
  dashboardSchema,
  reportSettingsSchema,
  shiftReportSchema,
  zSummarySchema,
} from '../reports/report-schema';

const none = z.strictObject({});

/** X and Z reports, the owner's dashboard and report settings (issue #5); part of contract.ts's commands. */
export const reportsCommands = {
  // Reports. View reports: x, z, zList, printX, reprintZ, dashboard, settings.
  // Close the day: closeDay. Change settings: updateSettings.
  'reports.x': command(
    'The X report: the open batch since the last Z. Reads only; changes nothing.',
    none,
    shiftReportSchema,
  ),
  'reports.closeDay': command(
    'Closes the business day: the Z report (numbered, with the chain head hash), the z_close ' +
      'entry and the settlement batch; prints it. Refused while a shift is open or when the ' +
      'business day already has its Z.',
    none,
    shiftReportSchema,
  ),
  'reports.z': command(
    'One Z report exactly as it was closed.',
    z.strictObject({ zNo: z.number().int().min(1) }),
    shiftReportSchema,
  ),
  'reports.zList': command('The Z reports, newest first.', none, z.array(zSummarySchema)),
  'reports.printX': command('Prints an X report on the receipt printer.', none, printJobSchema),
  'reports.reprintZ': command(
    'Reprints a Z report, marked DUPLICATE.',
    z.strictObject({ zNo: z.number().int().min(1) }),
    printJobSchema,
  ),
  'reports.dashboard': command(
    "The owner's dashboard for business days from..to (default today); a single day also " +
      'gets the day before and the same weekday a week before.',
    z.strictObject({ from: z.string().max(10).optional(), to: z.string().max(10).optional() }),
    dashboardSchema,
  ),
  'reports.settings': command(
    "The shop's time zone, business-day cut-off hour and merchant fee rates.",
    none,
    reportSettingsSchema,
  ),
  'reports.savePdf': command(
    'Electron only: saves the screen as shown (every page of the report, in print layout) as a ' +
      'PDF where the owner chooses. The browser host answers pdf_not_available: print there.',
    z.strictObject({ suggestedName: z.string().min(1).max(120) }),
    z.object({ saved: z.boolean(), path: z.string().nullable() }),
  ),
  'reports.updateSettings': command(
    'Changes report settings; a new time zone or cut-off rebuilds the daily sums.',
    reportSettingsSchema.partial().strict(),
    reportSettingsSchema,
  ),
} as const;
