import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { scopeJsonSchema } from '../../src/core/scope/scopeJsonSchema';
import { repoRoot } from './helpers';

describe('the JSON Schema in scope/', () => {
  it('is the one generated from the zod schema (run `npm run schema` after changing it)', () => {
    const committed = JSON.parse(readFileSync(path.join(repoRoot, 'scope', 'competitor-scope.schema.json'), 'utf8'));
    assert.deepEqual(committed, scopeJsonSchema());
  });

  it('describes every field and refuses unknown ones, so that YAML editors complete and flag them', () => {
    const schema = scopeJsonSchema() as { properties: Record<string, { description?: string }>; additionalProperties: boolean };
    assert.equal(schema.additionalProperties, false);
    for (const [name, property] of Object.entries(schema.properties)) {
      assert.ok(property.description, `${name} has no description`);
    }
  });
});
