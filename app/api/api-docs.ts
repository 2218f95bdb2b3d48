import { z } from 'zod';
import { commands, events } from './contract';

const schemaBlock = (schema: z.ZodType, io: 'input' | 'output'): string =>
  '```json\n' +
  JSON.stringify(z.toJSONSchema(schema, { io, unrepresentable: 'any' }), null, 2) +
  '\n```';

/**
 * docs/api.md, rendered from the contract itself so the two cannot drift
 * (main/api/api-docs.test.ts fails when the file is stale; `npm run docs:api` rewrites it).
 */
export function renderApiDocs(): string {
  const out: string[] = [
    '# Countertop API',
    '',
    'Generated from `app/api/contract.ts` by `npm run docs:api`; a test fails when this file is stale.',
    '',
    'The renderer talks to main through these commands and events only. In Electron the sandboxed',
    'preload exposes one function per command (`window.countertop.commands[name]`) over IPC channel',
    '`countertop:<name>`; the browser host carries the same messages over a WebSocket at',
    '`/api?token=<launch token>` as `{"type":"invoke","id","command","input"}` →',
    '`{"type":"result","id","result"}` and `{"type":"event","event","payload"}`.',
    '',
    'Every result is `{"ok":true,"value":…}` or `{"ok":false,"error":{"code","message","params"?}}`;',
    'error codes are listed in `app/errors.ts` and each has a message in English and Chinese.',
    '',
    '## Commands',
    '',
  ];
  for (const [name, command] of Object.entries(commands)) {
    out.push(
      `### \`${name}\``,
      '',
      command.summary,
      '',
      'Input:',
      '',
      schemaBlock(command.input, 'input'),
      '',
    );
    out.push('Output (`value`):', '', schemaBlock(command.output, 'output'), '');
  }
  out.push('## Events', '');
  for (const [name, event] of Object.entries(events)) {
    out.push(`### \`${name}\``, '', event.summary, '', schemaBlock(event.payload, 'output'), '');
  }
  return out.join('\n');
}
