import * as z from 'zod';
import { scopeFileSchema } from './scopeSchema';

/** The JSON Schema that editors with a YAML language server use for completion and validation. */
export function scopeJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(scopeFileSchema, { target: 'draft-7', io: 'input' }),
    title: 'Competitor Scope',
  };
}
