import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { main } from '../../src/cli/main';
import { repoRoot, tempFolder } from './helpers';

const example = path.join(repoRoot, 'example');

/** Runs the command line in-process: exit code and what it printed. */
async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, repoRoot, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe('competitor-scope check', () => {
  it('prints one JSON document over the example workspace, in the documented shape', async () => {
    const { code, stdout } = await run('check', example, '--format', 'json', '--max-missing', '1000');
    assert.equal(code, 0);
    const report = JSON.parse(stdout);
    assert.equal(report.scope, 'competitor-scope.yaml');
    assert.deepEqual(Object.keys(report), ['scope', 'notes', 'products', 'findings', 'summary', 'subject']);
    assert.deepEqual(report.notes, { glob: 'research/**/*.md', folder: example, files: report.notes.files });
    assert.equal(report.notes.files, 5, 'the example’s five notes');
    const django = report.products[0];
    assert.equal(django.category, 'python-web-frameworks');
    assert.equal(django.product, 'django');
    assert.deepEqual(django.notes, ['research/django.md']);
    assert.deepEqual(Object.keys(django.axes[1]), [
      'axis',
      'status',
      'file',
      'line',
      'score',
      'vsSubject',
      'sources',
      'asOf',
      'asOfFrom',
      'stale',
    ]);
    assert.deepEqual(
      { ...django.axes[1], asOf: undefined, asOfFrom: undefined },
      {
        axis: 'auth-security-and-rate-limiting',
        status: 'answered',
        file: 'research/django.md',
        line: 16,
        score: 3,
        vsSubject: 'we-lead',
        sources: 0,
        asOf: undefined,
        asOfFrom: undefined,
        stale: false,
      },
    );
    assert.deepEqual(django.axes[0].vsSubject, 'they-lead', 'Django 4 against our 3');
    assert.deepEqual(
      { ...django.axes[3], asOf: undefined, asOfFrom: undefined },
      {
        axis: 'dev-experience-documentation-and-templates',
        status: 'placeholder',
        file: 'research/django.md',
        line: 33,
        score: null,
        vsSubject: null,
        sources: 0,
        asOf: undefined,
        asOfFrom: undefined,
        stale: false,
      },
    );
    assert.deepEqual(django.score, { value: 10, max: 12, scored: 3, axes: 4 });
    assert.equal(report.products.find((p: { product: string }) => p.product === 'flask-based-stacks').score, null);
    const total = report.summary.answered + report.summary.missing + report.summary.empty + report.summary.placeholder;
    assert.equal(total, report.summary.axes);
    assert.equal(report.products.length, report.summary.products);
    const fields = (f: { code: string }) => `file,line,column,severity,code,message${f.code === 'unlinked-note' ? ',suggestions' : ''}`;
    assert.ok(report.findings.every((f: { code: string }) => Object.keys(f).join() === fields(f)));
    const unlinked = report.findings.find((f: { code: string }) => f.code === 'unlinked-note');
    assert.deepEqual(unlinked.suggestions[0], { category: 'python-web-frameworks', product: 'fastapi', fileNames: ['fastapi.md'] });
    assert.ok(report.findings.some((f: { code: string }) => f.code === 'missing-axis'));
  });

  it('prints path:line:column: severity code message, then a summary line', async () => {
    const { stdout } = await run('check', example);
    const lines = stdout.trimEnd().split('\n');
    assert.ok(
      lines
        .slice(0, -1)
        .every((l) => /^(research\/[\w.-]+\.md|competitor-scope\.yaml):\d+:\d+: (warning|information|error) [a-z-]+ .+/.test(l)),
      stdout,
    );
    assert.ok(
      lines.includes(
        'research/notes-on-pricing.md:1:1: information unlinked-note This note is about no product of the scope: name one in front matter ("product: <id>") or name the file after it (for FastAPI: fastapi.md).',
      ),
    );
    assert.match(
      lines[lines.length - 1],
      /^\d+ products, \d+ axes: \d+ answered \(\d+ stale, \d+ unsourced\), \d+ missing, \d+ empty, \d+ placeholder; \d+ findings: (\d+ [a-z-]+(, )?)+; the gate counts the products' axes, not Grid \+ Throughput Engine's own: \d+ unanswered \(at most 0 allowed\); 5 notes read by "research\/\*\*\/\*\.md" under .+\.$/,
    );
  });

  it('exits 0 or 1 by --max-missing', async () => {
    const { summary } = JSON.parse((await run('check', example, '--format', 'json', '--max-missing', '9999')).stdout);
    const unanswered = summary.missing + summary.empty + summary.placeholder;
    assert.equal((await run('check', example, '--max-missing', String(unanswered))).code, 0);
    assert.equal((await run('check', example, '--max-missing', String(unanswered - 1))).code, 1);
    assert.equal((await run('check', example)).code, 1);
  });

  it('exits 2 on bad usage, naming the mistake', async () => {
    for (const argv of [
      [],
      ['lint'],
      ['check', '--format', 'xml'],
      ['check', '--max-missing', '-1'],
      ['check', '--bogus'],
      ['check', 'a', 'b'],
      ['check', '/no/such/folder'],
      ['check', example, '--help'],
      ['check', example, '-h'],
    ]) {
      const { code, stderr } = await run(...argv);
      assert.equal(code, 2, argv.join(' '));
      assert.match(stderr, /^competitor-scope: /, argv.join(' '));
    }
    assert.match((await run('--help')).stdout, /Usage: competitor-scope/);
    assert.match((await run('--version')).stdout, /^\d+\.\d+\.\d+\n$/);
  });

  it('reads what follows "--" as a folder, even "--help"', async () => {
    const folder = tempFolder({ '--help/research/django.md': '# Django\n\n## Architecture guidance and opinionation\n\nBatteries.\n' });
    let stdout = '';
    const code = await main(['check', '--scope', 'builtin', '--format', 'json', '--max-missing=999', '--', '--help'], folder, {
      stdout: (t) => (stdout += t),
      stderr: () => undefined,
    });
    assert.equal(code, 0);
    assert.equal(JSON.parse(stdout).notes.folder, path.join(folder, '--help'));
  });

  it('exits 2 on an invalid scope file, printing its problems as findings', async () => {
    const folder = tempFolder({ 'competitor-scope.yaml': 'version: 1\ntitle: T\ncategories: []\n' });
    const { code, stdout } = await run('check', folder, '--format', 'json');
    assert.equal(code, 2);
    const report = JSON.parse(stdout);
    assert.equal(report.findings[0].file, 'competitor-scope.yaml');
    assert.equal(report.findings[0].code, 'invalid-scope');
    assert.equal(report.findings[0].line, 3);
  });

  it('reads the scope given with --scope, resolving its notes glob against FOLDER', async () => {
    const folder = tempFolder({ 'research/django.md': '# Django\n\n## Architecture guidance and opinionation\n\nBatteries.\n' });
    const scoped = await run(
      'check',
      folder,
      '--scope',
      path.join(example, 'competitor-scope.yaml'),
      '--format',
      'json',
      '--max-missing',
      '999',
    );
    assert.equal(JSON.parse(scoped.stdout).scope, path.join(example, 'competitor-scope.yaml'));
  });

  it('reports huge, binary and non-UTF-8 notes as findings and checks the others', async () => {
    const folder = tempFolder({
      'research/django.md': '# Django\n\n## Architecture guidance and opinionation\n\nYes.\n',
      'research/huge.md': '## x\n'.repeat(600_000),
      'research/binary.md': new Uint8Array([1, 0, 2]),
      'research/latin1.md': new Uint8Array([0x43, 0x61, 0x66, 0xe9]),
      'node_modules/pkg/research/skip.md': '# skipped',
      '.git/research/skip.md': '# skipped',
    });
    const report = JSON.parse((await run('check', folder, '--scope', 'builtin', '--format', 'json', '--max-missing', '999')).stdout);
    const unreadable = report.findings.filter((f: { code: string }) => f.code === 'unreadable-note').map((f: { file: string }) => f.file);
    assert.deepEqual(unreadable, ['research/binary.md', 'research/huge.md', 'research/latin1.md']);
    assert.ok(!JSON.stringify(report).includes('skip.md'));
    assert.equal(report.products.find((p: { product: string }) => p.product === 'django').axes[0].status, 'answered');
  });
});

describe('competitor-scope matrix', () => {
  it('prints the example’s matrix as Markdown: a table per category, the subject pinned first, excerpts in cells', async () => {
    const { code, stdout } = await run('matrix', example);
    assert.equal(code, 0);
    const tables = stdout.split('\n').filter((l) => l.startsWith('| Product |'));
    assert.equal(tables.length, 4);
    const rows = stdout.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Product') && !l.startsWith('| ---'));
    assert.match(rows[0], /^\| \*\*Grid \+ Throughput Engine\*\* \(subject\) \| ◕ 3\/4 A FastAPI-based stack/);
    assert.match(
      rows[1],
      /^\| Django \| ● 4\/4 Django is "batteries included".* \| ◐ placeholder \| 3\/4 \| 10\/12 \(83%\) on 3 of 4 axes \|$/,
    );
  });

  it('writes CSV and HTML, to a file with --output', async () => {
    const csv = (await run('matrix', example, '--format', 'csv')).stdout.split('\r\n');
    assert.equal(
      csv[0],
      'Category,Product,Subject,Axis,Status,score,Excerpt,Note,Line,Category ID,Product ID,Axis ID,As of,Age,Sources,Stale,Unsourced',
    );
    assert.ok(csv.some((l) => l.startsWith('Python Web / Application Frameworks,Django,,"Auth, security, and rate limiting",Answered,')));
    const out = path.join(tempFolder({}), 'matrix.html');
    const { code, stderr } = await run('matrix', example, '--format', 'html', '--output', out);
    assert.equal(code, 0);
    assert.match(stderr, /^Wrote /);
    assert.match(fs.readFileSync(out, 'utf8'), /^<!DOCTYPE html>[\s\S]*<table[\s\S]*Django/i);
  });

  it('prints GitHub Actions annotations with --format github, escaped so that a name cannot break a command', async () => {
    const folder = tempFolder({
      'competitor-scope.yaml':
        'version: 1\ntitle: T\ncategories:\n  - name: Web\n    goal: G\n    products: [{ name: Django }, { name: "100% Flask" }]\n    axes: [{ name: Pricing }]\n',
      'research/django,v2:old.md': '---\nproduct: django\n---\n# D\n\n## Pricing\n\nTODO\n',
    });
    const { code, stdout } = await run('check', folder, '--format', 'github');
    assert.equal(code, 1);
    assert.equal(
      stdout,
      [
        '::notice file=competitor-scope.yaml,line=6,col=34,title=competitor-scope no-note::100%25 Flask (Web) has no research note yet.',
        '::warning file=research/django%2Cv2%3Aold.md,line=6,col=1,title=competitor-scope unanswered-axis::The section "Pricing" holds only placeholders.',
        `2 products, 2 axes: 0 answered (0 stale, 0 unsourced), 1 missing, 0 empty, 1 placeholder; 2 findings: 1 no-note, 1 unanswered-axis; the gate counts the products' axes: 2 unanswered (at most 0 allowed); 1 note read by "research/**/*.md" under ${folder}.`,
        '',
      ].join('\n'),
    );
  });

  it('names files in GitHub annotations from the current folder, the repository in a workflow, when FOLDER is in it', async () => {
    const repository = tempFolder({
      'docs/competitors/competitor-scope.yaml':
        'version: 1\ntitle: T\ncategories:\n  - name: Web\n    goal: G\n    products: [{ name: Django }]\n    axes: [{ name: Pricing }]\n',
      'docs/competitors/research/django.md': '# Django\n\n## Pricing\n\nTODO\n',
    });
    const out = async (format: string) => {
      let stdout = '';
      await main(['check', 'docs/competitors', '--format', format], repository, { stdout: (t) => (stdout += t), stderr: () => undefined });
      return stdout.split('\n')[0];
    };
    assert.equal(
      await out('github'),
      '::warning file=docs/competitors/research/django.md,line=3,col=1,title=competitor-scope unanswered-axis::The section "Pricing" holds only placeholders.',
    );
    assert.equal(
      await out('text'),
      'research/django.md:3:1: warning unanswered-axis The section "Pricing" holds only placeholders.',
      'text stays relative to FOLDER',
    );
  });

  it('lists each product without a note on the scope file, as the editor does, in text and JSON', async () => {
    const text = (await run('check', example, '--max-missing', '1000')).stdout.split('\n');
    const noNote = text.filter((l) => / information no-note /.test(l));
    assert.ok(noNote.length > 0);
    assert.match(noNote[0], /^competitor-scope\.yaml:\d+:\d+: information no-note .+ has no research note yet\.$/);
    const report = JSON.parse((await run('check', example, '--format', 'json', '--max-missing', '1000')).stdout);
    const json = report.findings.filter((f: { code: string }) => f.code === 'no-note');
    assert.equal(json.length, noNote.length);
    assert.equal(json[0].file, 'competitor-scope.yaml');
  });

  it('warns when the notes glob matches no file, naming the glob and the folder', async () => {
    const folder = tempFolder({
      'competitor-scope.yaml':
        'version: 1\ntitle: T\nnotes: "reserch/*.md"\ncategories:\n  - name: Web\n    goal: G\n    products: [{ name: Django }]\n    axes: [{ name: Pricing }]\n',
      'research/django.md': '# Django\n',
    });
    const { stdout } = await run('check', folder, '--max-missing', '10');
    assert.ok(stdout.includes(`warning: the notes glob "reserch/*.md" matches no file under ${folder}\n`), stdout);
  });

  it('resolves the notes glob against FOLDER also with --scope, and says so', async () => {
    const notes = tempFolder({ 'research/django.md': '# Django\n\n## Pricing\n\nFree.\n' });
    const shared = tempFolder({
      'shared-scope.yaml':
        'version: 1\ntitle: T\ncategories:\n  - name: Web\n    goal: G\n    products: [{ name: Django }]\n    axes: [{ name: Pricing }]\n',
    });
    const { code, stdout } = await run('check', notes, '--scope', path.join(shared, 'shared-scope.yaml'));
    assert.equal(code, 0, stdout);
    assert.match(
      stdout,
      new RegExp(`1 answered .*0 missing.*1 note read by "research/\\*\\*/\\*\\.md" under ${notes.replace(/[/\\.]/g, '\\$&')}\\.\n$`),
    );
  });

  it('never reads outside FOLDER: a notes glob with ".." is an invalid scope, and nothing outside is printed', async () => {
    const root = tempFolder({
      'outside/django.md': '# Django\n\n## Secret heading\n\nA secret sentence from outside the folder.\n',
      'team/competitor-scope.yaml':
        'version: 1\ntitle: T\nnotes: "../outside/*.md"\ncategories:\n  - name: Web\n    goal: G\n    products: [{ name: Django }]\n    axes: [{ name: Secret heading }]\n',
    });
    for (const command of ['check', 'matrix']) {
      const { code, stdout, stderr } = await run(command, path.join(root, 'team'));
      assert.equal(code, 2, command);
      assert.doesNotMatch(stdout + stderr, /secret sentence/i, command);
      assert.match(stdout + stderr, /competitor-scope\.yaml:3:8: error invalid-scope "notes": the notes glob must stay inside/, command);
    }
  });

  it('exits 2 for an unknown format or an invalid scope file, naming the problem', async () => {
    assert.equal((await run('matrix', example, '--format', 'xml')).code, 2);
    const broken = tempFolder({ 'competitor-scope.yaml': 'version: 1\ntitle: [\n' });
    const { code, stderr } = await run('matrix', broken);
    assert.equal(code, 2);
    assert.match(stderr, /^competitor-scope\.yaml:\d+:\d+: error invalid-scope YAML syntax error/);
  });
});

describe('competitor-scope battlecard', () => {
  it('prints one competitor against the subject, as Markdown or HTML, and exits 2 for what is not a competitor', async () => {
    const markdown = await run('battlecard', 'DRF', example);
    assert.equal(markdown.code, 0);
    assert.match(markdown.stdout, /^# Django REST Framework vs\. Grid \+ Throughput Engine\n/);
    const django = (await run('battlecard', 'django', example)).stdout;
    assert.match(
      django,
      /## Where we lead \(1\)\n\n- \*\*Auth, security, and rate limiting\*\*: Grid \+ Throughput Engine ● 4\/4 \(best\); Django ◕ 3\/4 \(strong\)/,
    );
    assert.match(django, /## Where they lead \(1\)\n\n- \*\*Architecture guidance and opinionation\*\*/);
    assert.match(
      django,
      / {2}- Django: Django is "batteries included"[^\n]* \((?:[^()\n]* · )?\[1\]\(https:\/\/docs\.djangoproject\.com\/en\/stable\/intro\/overview\/\) \[2\]\(https:\/\/docs\.djangoproject\.com\/en\/stable\/ref\/applications\/\)\)\n/,
      'each side with its sources',
    );
    assert.match(
      django,
      / {2}- Django: Built-in session auth[^\n]* \((?:[^()\n]* · )?⊘ unsourced\)\n/,
      'an answer without a source is marked',
    );
    assert.match(
      django,
      / {2}- Django: django\.test\.TestCase[^\n]* \(\d+ yr · \[1\]\([^)]*\) · ⌛ stale\)\n/,
      'a stale answer shows its age and is marked',
    );
    assert.match(
      (await run('battlecard', 'django', example, '--format', 'html')).stdout,
      /<span class="evidence">[^\n]*<a href="https:\/\/docs\.djangoproject\.com\/en\/stable\/intro\/overview\/"/,
    );
    assert.match((await run('battlecard', 'django', example, '--format', 'html')).stdout, /^<!DOCTYPE html>[\s\S]*<h2>Unknown \(2\)<\/h2>/);
    assert.equal((await run('battlecard', 'nope', example)).code, 2);
    assert.equal((await run('battlecard')).code, 2);
    assert.equal((await run('battlecard', 'django', example, '--format', 'csv')).code, 2);
  });

  it('suggests the products a misspelled name may mean, as brief does, and says the subject is no competitor', async () => {
    const misspelled = await run('battlecard', 'Djangoo', example);
    assert.equal(misspelled.code, 2);
    assert.match(misspelled.stderr, /^competitor-scope: "Djangoo" is not a product of the scope; did you mean Django/);
    const subject = await run('battlecard', 'Grid + Throughput Engine', example);
    assert.equal(subject.code, 2);
    assert.match(subject.stderr, /^competitor-scope: "Grid \+ Throughput Engine" is not a competitor in the scope\.$/m);
  });
});
