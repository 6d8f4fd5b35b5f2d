import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Scope, ScopeParseResult } from '../../src/core/scope/scopeModel';
import { parseScope, scopeFromFile } from '../../src/core/scope/scopeParser';
import type { GitHistory } from '../../src/git/gitHistory';
import { noGitHistory } from '../../src/git/gitHistory';
import { checkScopeTextInWorker } from '../../src/node/scopeWorkers';
import { OFF_THREAD_MIN_CHARS, readCommitIndex, type CommitReading } from '../../src/workspace/commitReading';
import { HISTORY_SCOPE, historyNote } from './historyFixtures';

/**
 * Compare with… reads a commit's scope file: the workspace's own scope when the text is the same, else parsed on a
 * worker thread (the extension host is not held for a scope of 2,000 products), always as the editor's thread parses it.
 */

/** Everything a caller sees of a result, ranges included. */
const seen = (result: ScopeParseResult) => JSON.stringify(result);
const inWorker = async (text: string): Promise<ScopeParseResult> => {
  const checked = await checkScopeTextInWorker(text);
  return 'file' in checked ? scopeFromFile(text, checked.file) : { ok: false, problems: checked.problems };
};

const ANCHORED = `version: 1
title: T
categories:
  - name: Web
    goal: G
    products: [{ name: Django }, { name: Rails }]
    axes: &axes [{ name: Pricing }]
  - name: Mobile
    goal: G
    products: [{ name: Flutter }]
    axes: *axes
`;
/** HISTORY_SCOPE with enough more products to be parsed off the thread that asks. */
const LONG_SCOPE = HISTORY_SCOPE.replace(
  '{ name: Rails }',
  ['{ name: Rails }', ...Array.from({ length: 1000 }, (_, i) => `{ name: Product ${i} }`)].join(', '),
);
const LONG_INVALID = LONG_SCOPE.replace('{ name: Product 7 }', '{ name: Django }');

const INVALID = {
  'a YAML syntax error': 'version: 1\ntitle: [T\n',
  'a field of the wrong type': 'version: 1\ntitle: T\ncategories: 3\n',
  'a repeated id': HISTORY_SCOPE.replace('{ name: Rails }', '{ name: Django }'),
};

describe('a commit scope file parsed on a worker thread', () => {
  for (const [label, text] of Object.entries({ 'plain YAML': HISTORY_SCOPE, 'YAML with an anchor': ANCHORED })) {
    it(`gives the same scope as the editor's thread, for ${label}`, async () => {
      const parsed = parseScope(text);
      assert.ok(parsed.ok);
      assert.equal(seen(await inWorker(text)), seen(parsed));
    });
  }

  for (const [label, text] of Object.entries(INVALID)) {
    it(`gives the same problems as the editor's thread, for ${label}`, async () => {
      const parsed = parseScope(text);
      assert.equal(parsed.ok, false);
      assert.equal(seen(await inWorker(text)), seen(parsed));
    });
  }

  it('rejects when its worker cannot run, and when it is cancelled', async () => {
    await assert.rejects(checkScopeTextInWorker(HISTORY_SCOPE, undefined, path.join(__dirname, 'noSuchWorker.js')));
    const cancelled = new AbortController();
    const checking = checkScopeTextInWorker(HISTORY_SCOPE, cancelled.signal);
    cancelled.abort();
    await assert.rejects(checking, /cancelled/);
  });
});

/** A history of one commit holding `scope` and a note, whose scope file the worker checks (each text it is sent recorded). */
function historyOf(scope: string, checkScopeText?: GitHistory['checkScopeText']) {
  const sent: string[] = [];
  const files = new Map([
    ['competitor-scope.yaml', new TextEncoder().encode(scope)],
    ['research/django.md', new TextEncoder().encode(historyNote('Django', '$10 a month.'))],
  ]);
  const history: GitHistory = {
    ...noGitHistory,
    available: true,
    openCommit: () =>
      Promise.resolve({
        ok: true,
        commit: 'c0ffee',
        files: {
          sizes: new Map([...files].map(([file, bytes]) => [file, bytes.length])),
          read: (file) => Promise.resolve(files.get(file)),
        },
        close: () => {},
      }),
    checkScopeText: (text, signal) => {
      sent.push(text);
      return (checkScopeText ?? checkScopeTextInWorker)(text, signal);
    },
  };
  return { history, sent };
}

const read = (history: GitHistory, known?: (text: string) => Scope | undefined): Promise<CommitReading> =>
  readCommitIndex(history, '/repo', 'competitor-scope.yaml', 'HEAD~1', () => true, new AbortController().signal, known);

describe('Compare with… reading a commit scope file', () => {
  before(() => assert.ok(LONG_SCOPE.length >= OFF_THREAD_MIN_CHARS && LONG_INVALID.length >= OFF_THREAD_MIN_CHARS));

  it("takes the workspace's scope, unparsed, when the commit's text is the one it parsed", async () => {
    const workspace = parseScope(HISTORY_SCOPE);
    assert.ok(workspace.ok);
    const { history, sent } = historyOf(HISTORY_SCOPE);
    const reading = await read(history, (text) => (text === HISTORY_SCOPE ? workspace.scope : undefined));
    assert.ok(reading.ok);
    assert.equal(reading.index.scope, workspace.scope);
    assert.deepEqual(sent, [], 'no parse');
    assert.equal(reading.index.summary().answered, 1);
  });

  it('parses a different long text on the worker thread, into the scope the editor thread would make', async () => {
    const { history, sent } = historyOf(LONG_SCOPE);
    const reading = await read(history, () => undefined);
    assert.ok(reading.ok);
    assert.deepEqual(sent, [LONG_SCOPE]);
    assert.equal(JSON.stringify(reading.index.scope), JSON.stringify((parseScope(LONG_SCOPE) as { scope: Scope }).scope));
    assert.equal(reading.index.summary().answered, 1);
  });

  it('parses a short text on its own thread, sooner than a worker would start', async () => {
    const { history, sent } = historyOf(HISTORY_SCOPE);
    const reading = await read(history);
    assert.ok(reading.ok);
    assert.deepEqual(sent, []);
    assert.equal(JSON.stringify(reading.index.scope), JSON.stringify((parseScope(HISTORY_SCOPE) as { scope: Scope }).scope));
  });

  it("says an invalid scope file's first problem as the editor thread words it", async () => {
    const { history, sent } = historyOf(LONG_INVALID);
    const reading = await read(history);
    assert.equal(sent.length, 1);
    assert.equal(reading.ok, false);
    const [problem] = parseScope(LONG_INVALID).problems;
    assert.match(problem.message, /Duplicate product id "django"/);
    assert.equal((reading as { reason: string }).reason, `its scope file cannot be read (${problem.message})`);
  });

  it('parses on its own thread when the worker cannot run', async () => {
    const { history, sent } = historyOf(LONG_SCOPE, () => Promise.reject(new Error('no worker')));
    const reading = await read(history);
    assert.equal(sent.length, 1);
    assert.ok(reading.ok);
    assert.equal(JSON.stringify(reading.index.scope), JSON.stringify((parseScope(LONG_SCOPE) as { scope: Scope }).scope));
  });
});
