import { isScalar } from 'yaml';
import type * as z from 'zod';

/**
 * How the scope parser says zod's issues: once a field, and a number that is none in words. zod reports 1e308
 * for a scale of at most 10 both past the safe integers and past the field's own bound, and an empty notes glob
 * both as empty and as a glob; NaN and Infinity come as "expected number, received NaN".
 */

/** The first issue of each field; the field's own bound rather than zod's bound on every integer. */
export function onePerField(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  const byField = new Map<string, z.core.$ZodIssue>();
  for (const issue of issues.flatMap(withinUnion)) {
    const field = JSON.stringify(issue.path);
    const kept = byField.get(field);
    if (!kept || isSafeIntegerBound(kept)) byField.set(field, issue);
  }
  return [...byField.values()];
}

/** zod's own bound on every integer: Number.MAX_SAFE_INTEGER, beyond which numbers are not counted exactly. */
export function isSafeIntegerBound(issue: z.core.$ZodIssue): boolean {
  return (issue.code === 'too_big' || issue.code === 'too_small') && issue.origin === 'int';
}

/**
 * What a field holds instead of the `expected` type, after "must be …", when it holds a number: NaN and
 * infinity in words, and a number as written. Undefined for anything else.
 */
export function numberInstead(node: unknown, expected: string): string | undefined {
  if (!isScalar(node) || typeof node.value !== 'number') return undefined;
  if (Number.isNaN(node.value)) return `; ${written(node)} is not a number`;
  if (!Number.isFinite(node.value)) return `; ${written(node)} is infinite`;
  return expected === 'int' || expected === 'number' ? `, not ${written(node)}` : undefined;
}

/** A number as the scope file writes it (`.nan`, `1e308`), unless that is longer than any number needs. */
export function written(node: unknown): string {
  if (!isScalar(node)) return '';
  return node.source !== undefined && node.source.length <= 32 ? node.source : String(node.value);
}

/**
 * A name-or-mapping field (a product, an axis) written as a mapping: the mapping's own issues (a name that is a
 * number), not that it is neither. A value that is neither keeps the union's issue.
 */
function withinUnion(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
  if (issue.code !== 'invalid_union') return [issue];
  const branch = issue.errors.find((errors) => errors.length > 0 && errors.every((inner) => inner.path.length > 0));
  return branch ? branch.map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] })) : [issue];
}
