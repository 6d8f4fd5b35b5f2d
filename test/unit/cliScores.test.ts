import * as assert from 'node:assert/strict';
import { main } from '../../src/cli/main';
import { repoRoot, tempFolder } from './helpers';
import { GRID_NOTE, SCORED_SCOPE_YAML } from './scoringFixtures';

/** Grid is scored on all four axes, Django on Docs and Pricing only, Flask on nothing. */
function scoredFolder(): string {
  return tempFolder({
    'competitor-scope.yaml': SCORED_SCOPE_YAML.replace('subject: Grid\n', 'subject: Grid\nnotes: research/**/*.md\n'),
    'research/grid.md': GRID_NOTE,
    'research/django.md': '---\nproduct: django\n---\n\n## Docs\n\nThe best docs around.\n\nScore: 2\n\n## Pricing\n\nFree.\n\nScore: 4\n',
  });
}

async function stdoutOf(...argv: string[]): Promise<string> {
  let stdout = '';
  const code = await main(argv, repoRoot, { stdout: (t) => (stdout += t), stderr: () => undefined });
  assert.ok(code === 0 || code === 1, `exit ${code}`);
  return stdout;
}

describe('competitor-scope: every score with its base', () => {
  it('battlecard compares the two sides over the axes both have scored, saying how many of the category’s', async () => {
    const folder = scoredFolder();
    const django = await stdoutOf('battlecard', 'Django', folder);
    assert.match(django, /^Weighted score — Over the 2 of 4 axes both have scored: Grid 5\/8 \(63%\), Django 6\/8 \(75%\)\.$/m);
    const flask = await stdoutOf('battlecard', 'Flask', folder);
    assert.match(flask, /^Weighted score — No axis of the 4 axes is scored for both Grid and Flask: their scores do not compare yet\.$/m);
  });

  it('gives each product’s score its base in the JSON report and in the Markdown matrix', async () => {
    const folder = scoredFolder();
    const report = JSON.parse(await stdoutOf('check', folder, '--format', 'json', '--max-missing', '99'));
    const score = (product: string) => report.products.find((p: { product: string }) => p.product === product).score;
    assert.deepEqual(score('django'), { value: 6, max: 8, scored: 2, axes: 4 });
    assert.equal(score('flask'), null);
    const markdown = (await stdoutOf('matrix', folder, '--format', 'markdown')).split('\n');
    assert.ok(
      markdown.some((line) => line.startsWith('| Django |') && line.endsWith('| 6/8 (75%) on 2 of 4 axes |')),
      markdown.join('\n'),
    );
  });
});
