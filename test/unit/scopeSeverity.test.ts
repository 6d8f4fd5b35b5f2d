import * as assert from 'node:assert/strict';
import { main } from '../../src/cli/main';
import { FINDING_CODES } from '../../src/core/notes/findings';
import { scopeJsonSchema } from '../../src/core/scope/scopeJsonSchema';
import { parseScope } from '../../src/core/scope/scopeParser';
import { SCOPE_SEVERITY_CODES } from '../../src/core/scope/severities';
import { repoRoot, tempFolder } from './helpers';

const SCOPE = `version: 1
title: T
freshness: 30
severity: { unsourced-answer: off, stale-answer: error }
categories:
  - name: Web
    goal: G
    products: [{ name: Django }, { name: Flask }]
    axes: [{ name: Pricing }, { name: Hosting }]
`;

const DJANGO = '---\nreviewed: 2024-01-01\n---\n# Django\n\n## Pricing\n\nFree.\n\n## Hosting\n\nAnywhere (https://djangoproject.com).\n';

async function check(folder: string, ...options: string[]): Promise<{ code: number; lines: string[] }> {
  let stdout = '';
  const code = await main(['check', folder, '--no-git', '--as-of', '2025-01-01', '--max-missing', '99', ...options], repoRoot, {
    stdout: (t) => (stdout += t),
    stderr: () => undefined,
  });
  return { code, lines: stdout.trimEnd().split('\n') };
}

describe('the scope file’s severity: per code', () => {
  it('is read by code, each error, warning, information, hint or off', () => {
    const parsed = parseScope(SCOPE);
    assert.ok(parsed.ok, JSON.stringify(parsed.problems));
    assert.deepEqual(parsed.scope.severity, { 'unsourced-answer': 'off', 'stale-answer': 'error' });
  });

  it('says where an unknown code or value is, with the code meant', () => {
    const unknown = parseScope(SCOPE.replace('unsourced-answer: off', 'unsourced-answers: off'));
    assert.ok(!unknown.ok);
    assert.match(
      unknown.problems[0].message,
      /^Unknown field "unsourced-answers" in "severity"\. Did you mean "unsourced-answer"\? Known fields: missing-axis, /,
    );
    assert.deepEqual(unknown.problems[0].range.start, { line: 3, character: 12 });
    const value = parseScope(SCOPE.replace('stale-answer: error', 'stale-answer: loud'));
    assert.ok(!value.ok);
    assert.equal(value.problems[0].message, '"severity.stale-answer" must be "error" or "warning" or "information" or "hint" or "off".');
    assert.equal(value.problems[0].range.start.line, 3);
  });

  it('lists every finding code but invalid-scope, in the JSON Schema too', () => {
    assert.deepEqual(
      [...SCOPE_SEVERITY_CODES],
      FINDING_CODES.filter((code) => code !== 'invalid-scope'),
    );
    const severity = (scopeJsonSchema() as { properties: Record<string, { properties: Record<string, { enum: string[] }> }> }).properties
      .severity;
    assert.deepEqual(Object.keys(severity.properties), [...SCOPE_SEVERITY_CODES]);
    assert.deepEqual(severity.properties['stale-answer'].enum, ['error', 'warning', 'information', 'hint', 'off']);
  });

  it('decides how check prints a finding, and drops one that is off from the output and the counts', async () => {
    const folder = tempFolder({ 'competitor-scope.yaml': SCOPE, 'research/django.md': DJANGO });
    const { lines } = await check(folder);
    assert.deepEqual(lines.slice(0, -1), [
      'competitor-scope.yaml:8:34: information no-note Flask (Web) has no research note yet.',
      'research/django.md:6:1: error stale-answer The answer to "Pricing" is 366 days old (as of 2024-01-01, from the note’s reviewed: date); answers to it stay fresh for 30 days.',
      'research/django.md:10:1: error stale-answer The answer to "Hosting" is 366 days old (as of 2024-01-01, from the note’s reviewed: date); answers to it stay fresh for 30 days.',
    ]);
    assert.match(lines[lines.length - 1], /; 3 findings: 2 stale-answer, 1 no-note;/);
    const github = await check(folder, '--format', 'github');
    assert.match(github.lines[1], /^::error file=research\/django\.md,line=6,col=1,title=competitor-scope stale-answer::/);
  });
});
