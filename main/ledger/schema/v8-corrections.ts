// v8 (issue #6): voids and refunds find the earlier corrections of a sale by its id. Partial:
// a sale (no ref_id) adds no index page to its commit.
export const v8Corrections = `
  CREATE INDEX entries_ref_id ON entries (ref_id) WHERE ref_id IS NOT NULL;
`;
