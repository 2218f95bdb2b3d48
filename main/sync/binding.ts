import { bindRequestSchema, bindResponseSchema } from '@app/sync/protocol';
import { DomainError } from '@app/result';
import { HostClient, hostError } from './host-client';
import type { HostClock } from './host-clock';
import type { Binding } from './sync-store';

export interface BindInput {
  hostUrl: string;
  merchantId: string;
  terminalId: string;
  bindingCode: string;
  deviceName: string;
}

/** What binding yields: the binding to store, and the secret for the protected store. */
export interface BindOutcome {
  binding: Binding;
  secret: Buffer;
}

/**
 * upstream-sync-v1 "Identities": `POST /v1/bind` with the one-time code. Every answer the
 * spec names becomes a message the technician can act on; anything else changes nothing.
 */
export async function requestBinding(
  input: BindInput,
  options: { clock: HostClock; timeoutMs: number; now: Date },
): Promise<BindOutcome> {
  const client = hostClientFor(input.hostUrl, options);
  refusePlainHttp(input.hostUrl);
  const request = bindRequestSchema.safeParse({
    merchantId: input.merchantId.trim(),
    terminalId: input.terminalId.trim().toUpperCase(),
    bindingCode: input.bindingCode.trim(),
    deviceName: input.deviceName,
  });
  if (!request.success) {
    throw new DomainError(
      'invalid_input',
      'Merchant ID is 15 digits, terminal ID 8 letters or digits, binding code 6 digits',
    );
  }
  const answer = await client.sendUnsigned({
    method: 'POST',
    path: '/v1/bind',
    body: JSON.stringify(request.data),
  });
  if (answer.kind === 'no_answer') {
    throw new DomainError('host_unreachable', `No answer from ${client.url}`, {
      reason: answer.reason,
    });
  }
  if (answer.status === 200) {
    const parsed = bindResponseSchema.safeParse(answer.json);
    if (parsed.success) {
      return {
        secret: Buffer.from(parsed.data.terminalSecret, 'base64'),
        binding: {
          hostUrl: client.url,
          merchantId: request.data.merchantId,
          terminalId: request.data.terminalId,
          merchantName: parsed.data.merchantName,
          settlementAccount: parsed.data.settlementAccount,
          boundAt: options.now.toISOString(),
        },
      };
    }
  }
  const error = hostError(answer);
  if (error?.error === 'binding_code_invalid') {
    throw new DomainError('binding_code_invalid', 'The host refused the binding code');
  }
  if (error?.error === 'binding_locked') {
    throw new DomainError('binding_locked', 'Terminal ID locked after wrong codes', {
      minutes: Math.max(1, Math.ceil(error.retryAfter / 60)),
    });
  }
  throw new DomainError('host_error', `Unexpected bind answer`, { status: answer.status });
}

export function hostClientFor(
  hostUrl: string,
  options: { clock: HostClock; timeoutMs: number },
): HostClient {
  try {
    return new HostClient({
      baseUrl: hostUrl.trim(),
      timeoutMs: options.timeoutMs,
      clock: options.clock,
    });
  } catch {
    throw new DomainError('invalid_host_url', `Not an http(s) URL: ${hostUrl}`);
  }
}

/**
 * The secret the host issues and every sale travel over this URL: plain http is only for a
 * host on this computer (the test host, a developer's), never across a network.
 */
export function refusePlainHttp(hostUrl: string): void {
  const url = new URL(hostUrl.trim());
  if (url.protocol === 'https:' || isLoopback(url.hostname)) return;
  throw new DomainError('insecure_host_url', `Plain http to ${url.hostname}`, {
    host: url.hostname,
  });
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}
