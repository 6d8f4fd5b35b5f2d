// Writes scope/competitor-scope.schema.json from the zod schema (run after `npm run compile`).
// A unit test fails when the committed file and the schema disagree.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { scopeJsonSchema } = require('../out/src/core/scope/scopeJsonSchema.js');
writeFileSync(new URL('../scope/competitor-scope.schema.json', import.meta.url), JSON.stringify(scopeJsonSchema(), null, 2) + '\n');
