import { parseArgs } from 'node:util';

export interface LaunchOptions {
  /** Use the browser host even where Electron is installed. */
  browser: boolean;
  port: number | undefined;
  dataDir: string | undefined;
  /** Do not open a Chromium window (CI, remote use). */
  open: boolean;
  /** Every device role without a saved device gets its simulator. */
  simulate: boolean;
  /**
   * Tests only, and only with --simulate: the payment host's authorization timeout
   * (upstream-sync-v1: 30 s), so an e2e test sees an unanswered payment reversed quickly.
   */
  testAuthorizationTimeoutMs: number | undefined;
}

export function parseLaunchOptions(argv: string[]): LaunchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      browser: { type: 'boolean', default: false },
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      'no-open': { type: 'boolean', default: false },
      simulate: { type: 'boolean', default: false },
      'test-authorization-timeout-ms': { type: 'string' },
    },
    strict: true,
  });
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65_535)) {
    throw new Error(`--port must be a port number, not ${values.port ?? ''}`);
  }
  const timeoutFlag = values['test-authorization-timeout-ms'];
  const testAuthorizationTimeoutMs = timeoutFlag === undefined ? undefined : Number(timeoutFlag);
  if (testAuthorizationTimeoutMs !== undefined) {
    if (!values.simulate) {
      throw new Error('--test-authorization-timeout-ms is for tests: it needs --simulate');
    }
    if (!Number.isInteger(testAuthorizationTimeoutMs) || testAuthorizationTimeoutMs < 100) {
      throw new Error(`--test-authorization-timeout-ms must be at least 100, not ${timeoutFlag}`);
    }
  }
  return {
    browser: values.browser,
    port,
    dataDir: values['data-dir'],
    open: !values['no-open'],
    simulate: values.simulate,
    testAuthorizationTimeoutMs,
  };
}
