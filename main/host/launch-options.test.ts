import { describe, expect, it } from 'vitest';
import { parseLaunchOptions } from './launch-options';

describe('launch options', () => {
  it('has no test timeout unless asked for', () => {
    expect(parseLaunchOptions(['--browser', '--simulate'])).toMatchObject({
      browser: true,
      simulate: true,
      testAuthorizationTimeoutMs: undefined,
    });
  });

  it('shortens the authorization timeout for tests, only with the simulators', () => {
    expect(
      parseLaunchOptions(['--simulate', '--test-authorization-timeout-ms=1500']),
    ).toMatchObject({ testAuthorizationTimeoutMs: 1_500 });
    // A real till (no --simulate) always waits the protocol's 30 s.
    expect(() => parseLaunchOptions(['--test-authorization-timeout-ms=1500'])).toThrow(
      /needs --simulate/,
    );
    expect(() =>
      parseLaunchOptions(['--simulate', '--test-authorization-timeout-ms=soon']),
    ).toThrow(/at least 100/);
  });
});
