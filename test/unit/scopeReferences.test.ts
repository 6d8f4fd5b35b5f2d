import * as assert from 'node:assert/strict';
import { applyTextEdits } from '../../src/core/notes/noteEdits';
import { categoryChangeEdits, deleteQuestion, referringNotes } from '../../src/core/scopeEdit/references';
import { indexOf } from './noteFixtures';

const NOTES = {
  'research/django.md': '---\nproduct: django\ncategory: web\n---\n\n# Django\n\n## Architecture guidance and opinionation\n\nApps.\n',
  'research/fastapi.md': '# FastAPI\n\n## Architecture guidance and opinionation\n\nRouters.\n',
  'research/grafana.md': '# Grafana\n\n## Dashboard layout\n\nRows.\n',
  'research/flask.md': '---\nproduct: flask\ncategory: dash\n---\n\n# Flask\n',
};

describe('the notes that refer to a scope item', () => {
  const index = indexOf(NOTES);
  const analyses = () => index.paths().flatMap((p) => index.note(p) ?? []);

  it('counts the notes about a category’s products, about a product, and with a section for an axis', () => {
    assert.deepEqual(referringNotes(analyses(), { kind: 'category', categoryId: 'web' }), ['research/django.md', 'research/fastapi.md']);
    assert.deepEqual(referringNotes(analyses(), { kind: 'product', categoryId: 'dash', id: 'flask' }), ['research/flask.md']);
    assert.deepEqual(
      referringNotes(analyses(), { kind: 'product', categoryId: 'web', id: 'flask' }),
      [],
      'the Flask of Dashboards is not the Flask of Web',
    );
    assert.deepEqual(referringNotes(analyses(), { kind: 'axis', categoryId: 'web', id: 'architecture-guidance-and-opinionation' }), [
      'research/django.md',
      'research/fastapi.md',
    ]);
  });

  it('asks before a delete naming how many notes refer to the item, and that they stay', () => {
    assert.equal(
      deleteQuestion('product', 'Django', 1),
      'Delete the product "Django" from the scope file? 1 note refers to it; it is kept, not deleted.',
    );
    assert.equal(
      deleteQuestion('category', 'Web', 2),
      'Delete the category "Web" from the scope file? 2 notes refer to it; they are kept, not deleted.',
    );
    assert.equal(deleteQuestion('axis', 'Speed', 0), 'Delete the axis "Speed" from the scope file? No note refers to it.');
  });

  it('moves the front matter category of a moved product’s notes, and leaves notes that name no category', () => {
    const edits = categoryChangeEdits(analyses(), 'django', 'web', 'dash');
    assert.deepEqual(
      edits.map((e) => e.path),
      ['research/django.md'],
    );
    assert.equal(
      applyTextEdits(NOTES['research/django.md'], edits[0].edits),
      NOTES['research/django.md'].replace('category: web', 'category: dash'),
    );
    assert.deepEqual(categoryChangeEdits(analyses(), 'fastapi', 'web', 'dash'), [], 'fastapi.md names its product by its heading alone');
  });
});
