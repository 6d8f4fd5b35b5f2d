import * as assert from 'node:assert/strict';
import { CHAT_HELP, chatAnswer, twoProducts } from '../../src/core/brief/chatAnswers';
import type { NoteIndex } from '../../src/core/index/noteIndex';
import { exampleIndex } from './helpers';

describe('@competitor-scope answers', () => {
  let index: NoteIndex;
  before(async () => (index = await exampleIndex()));

  it('/gaps of a product: a table of each axis left, its status and where, with the note as reference', () => {
    const answer = chatAnswer(index, 'gaps', 'FastAPI');
    assert.equal(
      answer.markdown.split('\n').slice(0, 7).join('\n'),
      [
        '### Python Web / Application Frameworks',
        '',
        '| Product | Axis | Status | Where |',
        '| --- | --- | --- | --- |',
        '| FastAPI | Auth, security, and rate limiting | Empty | `research/fastapi.md:14` |',
        '| FastAPI | Testing strategy and coverage expectations | Placeholder | `research/fastapi.md:16` |',
        '| FastAPI | Dev experience, documentation, and templates | Missing | — |',
      ].join('\n'),
    );
    assert.match(answer.markdown, /3 gaps in 1 product\./);
    assert.deepEqual(answer.notes, ['research/fastapi.md']);
  });

  it('/gaps with nothing covers every category; a category by name narrows it; an unknown name says so', () => {
    const all = chatAnswer(index, 'gaps', '');
    assert.equal(all.markdown.match(/^### /gm)?.length, 4);
    const category = chatAnswer(index, 'gaps', 'Python Web / Application Frameworks');
    assert.equal(category.markdown.match(/^### /gm)?.length, 1);
    assert.match(chatAnswer(index, 'gaps', 'Djangoo').markdown, /"Djangoo" is not a product of the scope; did you mean Django/);
  });

  it("/brief is the research brief, with the product's notes as references", () => {
    const answer = chatAnswer(index, 'brief', 'django');
    assert.match(answer.markdown, /^# Research brief: Django\n/);
    assert.deepEqual(answer.notes, ['research/django.md']);
  });

  it('/compare sets two products side by side, axis by axis, with excerpts, scores, coverage and weighted score', () => {
    const answer = chatAnswer(index, 'compare', 'Django FastAPI');
    const lines = answer.markdown.split('\n');
    assert.equal(lines[0], '### Django and FastAPI: Python Web / Application Frameworks');
    assert.ok(lines.includes('| Axis | Django | FastAPI |'));
    const architecture = lines.find((l) => l.startsWith('| Architecture guidance and opinionation |'));
    assert.equal(
      architecture,
      '| Architecture guidance and opinionation | ● 4/4 Django is "batteries included": one project layout, apps as units of reuse, and the ORM, admin and templates as the default path. ([1](https://docs.djangoproject.com/en/stable/intro/overview/) [2](https://docs.djangoproject.com/en/stable/ref/applications/)) | ◑ 2/4 Minimal: routing, validation and dependency injection; project structure is up to the team. ([1](https://github.com/fastapi/full-stack-fastapi-template)) |',
      'each answer with its sources as links',
    );
    assert.match(answer.markdown, /\| \*\*Answered\*\* \| \d\/4 \| 1\/4 \|/);
    assert.match(
      answer.markdown,
      /\| \*\*Score\*\* \| 10\/12 \(83%\) on 3 of 4 axes \| 2\/4 \(50%\) on 1 of 4 axes \|/,
      'each score with its base',
    );
    assert.deepEqual(answer.notes, ['research/django.md', 'research/fastapi.md']);
  });

  it('/compare reads names of several words, "vs" and commas, and refuses products with no category in common', () => {
    assert.deepEqual(twoProducts(index, 'Django REST Framework FastAPI'), { ok: true, value: ['Django REST Framework', 'FastAPI'] });
    assert.deepEqual(twoProducts(index, 'Kibana vs. Grafana'), { ok: true, value: ['Kibana', 'Grafana'] });
    assert.deepEqual(twoProducts(index, 'DRF, Flask'), { ok: true, value: ['DRF', 'Flask'] });
    assert.match(chatAnswer(index, 'compare', 'Django').markdown, /Name two products/);
    assert.match(chatAnswer(index, 'compare', 'Django vs Nope').markdown, /"Nope" is not a product/);
    assert.match(chatAnswer(index, 'compare', 'Django, Grafana').markdown, /in no category together/);
  });

  it('asks a language model for prose only about facts from the notes: /gaps and /compare, not the brief or a message', () => {
    const gaps = chatAnswer(index, 'gaps', 'FastAPI');
    assert.match(
      gaps.prose ?? '',
      /^Using only the facts below[\s\S]*Name the note and line[\s\S]*\| FastAPI \| Dev experience, documentation, and templates \| Missing \| — \|/,
    );
    assert.ok(chatAnswer(index, 'compare', 'Django FastAPI').prose?.endsWith(chatAnswer(index, 'compare', 'Django FastAPI').markdown));
    assert.equal(chatAnswer(index, 'brief', 'django').prose, undefined);
    assert.equal(chatAnswer(index, 'gaps', 'Djangoo').prose, undefined);
    assert.equal(chatAnswer(index, undefined, '').prose, undefined);
  });

  it('without a command, says what it can do; a prompt longer than a name is not searched', () => {
    assert.equal(chatAnswer(index, undefined, 'hello').markdown, CHAT_HELP);
    assert.match(chatAnswer(index, 'compare', 'x '.repeat(300)).markdown, /longer than a product's name/);
  });
});
