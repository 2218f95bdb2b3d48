import type { PrintJob } from '@app/api/contract';
import { DomainError } from '@app/result';
import type { ShiftReport } from '@app/reports/report-schema';
import type { Handlers } from '../kernel/handlers';
import type { ReportService } from './report-service';
import type { ReportSettingsStore } from './report-settings';
import type { ReportIndex } from './report-index';

export interface ReportHandlerDeps {
  reports: ReportService;
  reportSettings: ReportSettingsStore;
  reportIndex: ReportIndex;
  /** Queues an X or Z on the receipt printer (a Z reprint is marked DUPLICATE). */
  printReport: (report: ShiftReport, duplicate: boolean) => PrintJob;
  /** The Electron host's "save the page as PDF" (printToPDF); absent in the browser host. */
  savePdf?: (suggestedName: string) => Promise<{ saved: boolean; path: string | null }>;
}

type ReportCommand = Extract<keyof Handlers, `reports.${string}`>;

/** The `reports.*` commands, each a thin call into the report service. */
export function reportHandlers(d: ReportHandlerDeps): Pick<Handlers, ReportCommand> {
  return {
    'reports.x': () => d.reports.x(),
    // The Z prints as part of closing (afterClose in services.ts), after its commit.
    'reports.closeDay': () => d.reports.closeDay(),
    'reports.z': ({ zNo }) => d.reports.zReport(zNo),
    'reports.zList': () => d.reports.zList(),
    'reports.printX': () => d.printReport(d.reports.x(), false),
    'reports.reprintZ': ({ zNo }) => d.printReport(d.reports.zReport(zNo), true),
    'reports.dashboard': ({ from, to }) =>
      d.reports.dashboard(
        from !== undefined || to !== undefined
          ? { from: from ?? to ?? '', to: to ?? from ?? '' }
          : undefined,
      ),
    'reports.settings': () => d.reportSettings.get(),
    'reports.savePdf': ({ suggestedName }) => {
      if (!d.savePdf) {
        throw new DomainError('pdf_not_available', 'Saving a PDF is in the desktop app: print');
      }
      return d.savePdf(suggestedName);
    },
    'reports.updateSettings': (patch) => {
      const { settings, clockChanged } = d.reportSettings.update(patch);
      // Sums are per business day: a new zone or cut-off moves entries between days.
      if (clockChanged) d.reportIndex.rebuild();
      return settings;
    },
  };
}
