import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { briefSubject, briefParts, briefText, researchBrief } from '../../src/core/brief/researchBrief';
import { markReviewedEdit } from '../../src/core/evidence/reviewedEdit';
import { NoteIndex } from '../../src/core/index/noteIndex';
import { buildBattlecard } from '../../src/core/matrix/battlecard';
import { battlecardToMarkdown } from '../../src/core/matrix/battlecardText';
import { matrixToMarkdown } from '../../src/core/matrix/exportMarkdown';
import { buildMatrix } from '../../src/core/matrix/matrixModel';
import {
  addSectionsEdits,
  appendToSectionEdit,
  applyTextEdits,
  renameHeadingEdit,
  setCategoryEdits,
  setProductEdits,
  type TextEdit,
} from '../../src/core/notes/noteEdits';
import type { NoteAnalysis } from '../../src/core/notes/noteAnalyzer';
import { noteTemplate } from '../../src/core/notes/noteTemplate';
import { starterNote } from '../../src/core/scope/starterScope';
import { writeSection } from '../../src/mcp/noteWriter';
import { repoRoot, tempFolder } from './helpers';
import { SCOPE_YAML, testScope } from './noteFixtures';
import { SCORED_SCOPE_YAML, scoredIndex } from './scoringFixtures';

interface LintError {
  readonly lineNumber: number;
  readonly ruleNames: readonly string[];
  readonly errorDetail: string | null;
  readonly errorContext: string | null;
}

// markdownlint is an ES module; Node requires it synchronously, and its `sync` entry point has no CommonJS types.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { lint } = require('markdownlint/sync') as {
  lint(options: { strings: Record<string, string>; config?: Record<string, unknown> }): Record<string, LintError[]>;
};

/**
 * The one default rule the briefs and the matrix and battlecard exports do not follow: MD013 (lines of at most 80
 * characters). Each of their list items, paragraphs and table rows is one line holding the team's text as long
 * as it is (an excerpt, a goal, an axis's description, a row of every axis): wrapping it would change nothing a
 * reader sees, and a table row cannot be wrapped at all. The notes the project writes keep it.
 */
const EXPORT_CONFIG = { default: true, MD013: false };

/** markdownlint's problems with each text, one line each, as `name:line MDnnn detail`; empty when they pass. */
function problems(texts: Record<string, string>, config: Record<string, unknown> = { default: true }): string[] {
  const results = lint({ strings: texts, config });
  return Object.entries(results).flatMap(([name, errors]) =>
    errors.map((e) => `${name}:${e.lineNumber} ${e.ruleNames[0]} ${e.errorDetail ?? ''} ${e.errorContext ?? ''}`.trimEnd()),
  );
}

/** How many times each rule is broken, from problems(). */
function ruleCounts(found: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const problem of found) {
    const rule = problem.split(' ')[1];
    counts.set(rule, (counts.get(rule) ?? 0) + 1);
  }
  return counts;
}

const TODAY = '2025-06-30';
const PATH = 'research/django.md';

function edited(text: string, edits: (analysis: NoteAnalysis) => TextEdit[]): string {
  const index = new NoteIndex(testScope(SCOPE_YAML), { today: () => TODAY });
  const analysis = index.analyzeText(PATH, text);
  assert.ok(analysis);
  return applyTextEdits(text, edits(analysis));
}

const scope = testScope(SCOPE_YAML);
const web = scope.categories[0];
const allAxes = (a: NoteAnalysis) =>
  addSectionsEdits(
    a,
    scope,
    'web',
    web.axes.map((axis) => axis.id),
  );

/** Notes as teams leave them: what the fixes and added sections start from. */
const NOTES: Record<string, string> = {
  template: noteTemplate(web, web.products[0]),
  'no front matter, no final line break': '# Django\n\n## Auth, security, and rate limiting\n\nSessions.',
  'ends with blank lines': '---\nproduct: django\n---\n\n# Django\n\n## Testing strategy and coverage expectations\n\nPytest.\n\n',
  'a deeper heading level': '# Django\n\n### Auth, security, and rate limiting\n\nSessions.\n',
  'ends inside a fence': '# Django\n\n## Auth, security, and rate limiting\n\n```python\nAUTH = True\n',
};

describe('the Markdown the project writes passes markdownlint (default rules)', () => {
  it('a new note from the template, for every category of the built-in and the test scopes', () => {
    const texts: Record<string, string> = {};
    for (const yaml of [SCOPE_YAML, SCORED_SCOPE_YAML]) {
      for (const category of testScope(yaml).categories) texts[`template ${category.id}`] = noteTemplate(category, category.products[0]);
    }
    const empty = { ...web, axes: [] };
    texts['template without axes'] = noteTemplate(empty, web.products[0]);
    assert.deepEqual(problems(texts), []);
  });

  it("init's starter note", () => {
    assert.deepEqual(problems({ starter: starterNote(TODAY) }), []);
  });

  it('sections added to a note, and each quick fix applied: nothing a note did not have before', () => {
    const added: string[] = [];
    for (const [name, text] of Object.entries(NOTES)) {
      const texts: Record<string, string> = {};
      texts[`${name}: all sections`] = edited(text, allAxes);
      const bodies = new Map(web.axes.map((axis) => [axis.id, `As of ${TODAY}\n\nAn answer.`]));
      texts[`${name}: sections with text`] = edited(text, (a) => addSectionsEdits(a, scope, 'web', [...bodies.keys()], bodies));
      texts[`${name}: product`] = edited(text, (a) => setProductEdits(a, 'django', 'web'));
      texts[`${name}: category`] = edited(text, (a) => setCategoryEdits(a, 'web'));
      texts[`${name}: appended`] = edited(text, (a) => [
        appendToSectionEdit(a, a.parsed.headings.length - 1, 'More.', (n) => text.split('\n')[n] ?? ''),
      ]);
      texts[`${name}: reviewed`] = edited(text, (a) => [
        markReviewedEdit(a.parsed, a.parsed.headings.length - 1, TODAY, (n) => text.split('\n')[n] ?? ''),
      ]);
      texts[`${name}: renamed`] = edited(text, (a) => [renameHeadingEdit(a, a.parsed.headings.length - 1, 'Pricing')]);
      // A note that breaks a rule already (no final line break, a skipped heading level) keeps it: an edit only inserts.
      const before = ruleCounts(problems({ [name]: text }));
      for (const [what, after] of Object.entries(texts)) {
        for (const [rule, count] of ruleCounts(problems({ [what]: after }))) {
          if (count > (before.get(rule) ?? 0)) added.push(`${what}: ${rule}`);
        }
      }
    }
    assert.deepEqual(added, []);
  });

  it("MCP add_section's written text, in a new note and in an existing one", () => {
    const folder = tempFolder({ [PATH]: NOTES['no front matter, no final line break'] });
    const index = new NoteIndex(scope, { today: () => TODAY });
    index.setNote(PATH, NOTES['no front matter, no final line break']);
    const texts: Record<string, string> = {};
    for (const [target, axis] of [
      [{ categoryId: 'web', productId: 'django' }, web.axes[2]],
      [{ categoryId: 'web', productId: 'flask' }, web.axes[0]],
    ] as const) {
      const written = writeSection(folder, index, target, axis, 'Pytest and [its docs](https://docs.pytest.org).\n\n- fixtures\n- plugins');
      assert.ok(written.ok, written.ok ? '' : written.message);
    }
    for (const note of [PATH, 'research/flask.md']) texts[note] = fs.readFileSync(path.join(folder, note), 'utf8');
    assert.deepEqual(problems(texts), []);
  });

  it('briefs, whole and by the page, and the matrix and battlecard exports', () => {
    const index = scoredIndex();
    const texts: Record<string, string> = {};
    for (const selection of [{ product: 'django' }, { category: 'web' }, { gaps: true }]) {
      const subject = briefSubject(index, selection);
      assert.ok(subject.ok);
      texts[`brief ${JSON.stringify(selection)}`] = researchBrief(index, subject.value);
      const parts = briefParts(index, subject.value);
      if (parts.products.length > 1) texts[`brief page 2 ${JSON.stringify(selection)}`] = briefText(parts, 1, 2);
    }
    const matrix = buildMatrix(index.scope, [...index.subjectCoverage(), ...index.coverage()]);
    texts.matrix = matrixToMarkdown(matrix);
    const card = buildBattlecard(index.scope, matrix, 'web', 'django');
    assert.ok(card);
    texts.battlecard = battlecardToMarkdown(card);
    assert.deepEqual(problems(texts, EXPORT_CONFIG), []);
  });

  it("the README's and the docs' examples of notes", () => {
    const texts: Record<string, string> = {};
    for (const file of ['README.md', ...fs.readdirSync(path.join(repoRoot, 'docs')).map((f) => `docs/${f}`)]) {
      if (!file.endsWith('.md')) continue;
      const text = fs.readFileSync(path.join(repoRoot, file), 'utf8');
      // A fenced ```markdown block, indented as in a list item; its lines without that indent.
      for (const block of text.matchAll(/^( *)```markdown\n([\s\S]*?)^\1```$/gm)) {
        const body = block[2].replace(new RegExp(`^${block[1]}`, 'gm'), '');
        // The import example quotes a scope document as a team wrote it: input the project reads, not a note it writes.
        if (body.startsWith('# Competitor Scope for')) continue;
        texts[`${file}:${text.slice(0, block.index).split('\n').length}`] = body;
      }
    }
    assert.ok(Object.keys(texts).length > 0, 'the README shows a note');
    assert.deepEqual(problems(texts), []);
  });
});
