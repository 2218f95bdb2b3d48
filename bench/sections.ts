import { catalogSection } from './catalog-lookup';
import { devicesSection } from './devices';
import { fsyncSection } from './fsync-latency';
import type { BenchSection } from './section';
import { saleCommitSection } from './sale-commit';
import { apiSaleSection } from './api-sale';
import { syncUploadSection } from './sync-upload';
import { reportsSection } from './reports';
import { logRotationSection } from './log-rotation';
import { backupSection } from './backup';
import { catalogDownsyncSection } from './catalog-downsync';
import { tillScreenSection } from './till-screen';
import { backofficeIngestSection } from './backoffice-ingest';
import { backofficeDashboardSection } from './backoffice-dashboard';

/** Every bench section, in the order they run. */
export const sections: readonly BenchSection[] = [
  fsyncSection,
  saleCommitSection,
  apiSaleSection,
  catalogSection,
  syncUploadSection,
  devicesSection,
  reportsSection,
  logRotationSection,
  backupSection,
  catalogDownsyncSection,
  tillScreenSection,
  backofficeIngestSection,
  backofficeDashboardSection,
];
