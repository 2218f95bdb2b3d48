// npm run docs:api: rewrites docs/api.md from the contract.
import { writeFileSync } from 'node:fs';
import { renderApiDocs } from '../app/api/api-docs';

writeFileSync(new URL('../docs/api.md', import.meta.url), renderApiDocs());
console.log('docs/api.md written.');
