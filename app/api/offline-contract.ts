import { z } from 'zod';
import { command } from './command';
import {
  offlineResolveInputSchema,
  offlineSettingsSchema,
  offlineViewSchema,
} from './offline-schemas';

const none = z.strictObject({});

/** Bounded offline card acceptance (issue #6 "Offline"); part of contract.ts's commands. */
export const offlineCommands = {
  'offline.get': command(
    'Offline card acceptance: its bounds, the swipes waiting for the host (count, total) and ' +
      'the worklist of offline payments the host declined or that expired after 24 h.',
    none,
    offlineViewSchema,
  ),
  'offline.setSettings': command(
    'Sets offline card acceptance: on/off, cap per sale, total cap and count cap of swipes ' +
      'not yet forwarded (minor units).',
    offlineSettingsSchema,
    offlineViewSchema,
  ),
  'offline.resolve': command(
    'Marks a worklist item resolved (collected from the customer, or written off), with a ' +
      'note; audited.',
    offlineResolveInputSchema,
    offlineViewSchema,
  ),
} as const;

export const offlineEvents = {
  'offline.changed': {
    summary:
      'What waits for the host or is on the worklist changed (accepted, forwarded, declined, ' +
      'expired, cancelled by a void, resolved).',
    payload: offlineViewSchema,
  },
} as const;

export type OfflineCommandName = keyof typeof offlineCommands;
