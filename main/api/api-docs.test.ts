import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderApiDocs } from '@app/api/api-docs';
import { commandNames, eventNames } from '@app/api/contract';

describe('docs/api.md', () => {
  const docs = readFileSync(new URL('../../docs/api.md', import.meta.url), 'utf8');

  it('is the contract rendered (run `npm run docs:api` after changing the contract)', () => {
    expect(docs).toBe(renderApiDocs());
  });

  it('documents every command and event by name', () => {
    for (const name of [...commandNames, ...eventNames]) expect(docs).toContain(`### \`${name}\``);
  });
});
