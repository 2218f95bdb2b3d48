import { createRunRoot } from './run-root';

// Playwright loads its globalSetup as the module's default export.
// eslint-disable-next-line no-restricted-syntax
export default function globalSetup(): void {
  createRunRoot();
}
