import * as vscode from 'vscode';
import { answerPlace, planReviewed, planScore, type AnswerPlace, type AnswerPlan } from '../../core/brief/answerEdits';
import { compareProducts, staleAnswers } from '../../core/brief/answerTables';
import { MAX_SEARCH_RESULTS, searchNotes } from '../../core/brief/noteSearch';
import { RESEARCH_TOOLS } from '../../core/brief/researchToolSpecs';
import type { NoteIndex } from '../../core/index/noteIndex';
import { battlecardToMarkdown } from '../../core/matrix/battlecardText';
import { battlecardCategoryRefusal, battlecardOf } from '../../core/matrix/indexMatrix';
import { decodeNote, MAX_NOTE_BYTES } from '../../core/notes/decodeNote';
import { inline } from '../../core/matrix/exportMarkdown';
import { findSection, type Lookup } from '../../core/notes/scopeLookup';
import { scoringOf } from '../../core/scope/scale';
import { toToolResult } from '../../workspace/convert';
import type { NoteWorkspace } from '../../workspace/noteWorkspace';
import type { ScopeRoots } from '../../workspace/scopeRoots';
import { applyToNote, writableUri } from './addSectionTool';

/**
 * The research tools of the MCP server in the editor: search_notes, list_stale, get_battlecard and compare_products
 * (read-only, answering as JSON or the CLI's Markdown through the same core functions), and set_score and mark_reviewed,
 * which ask first and write through the same planning as the MCP writers, as one undoable WorkspaceEdit.
 */

type Input = Record<string, unknown>;

export function researchLmTools(roots: ScopeRoots): {
  readonly setScore: vscode.LanguageModelTool<Input>;
  readonly disposables: vscode.Disposable[];
} {
  const reader = (
    answer: (notes: NoteWorkspace, input: Input) => Promise<Lookup<string>> | Lookup<string>,
  ): vscode.LanguageModelTool<Input> => ({
    async invoke({ input }) {
      const notes = (await roots.whenReady())?.notes;
      if (!notes) throw new Error('No folder is open: there are no research notes to read.');
      const answered = await answer(notes, objectOf(input));
      if (!answered.ok) throw new Error(answered.message);
      return toToolResult(answered.value);
    },
  });
  const setScore = writer(roots, 'set_score', (input, index) =>
    typeof input.score === 'number' && Number.isInteger(input.score)
      ? {
          ok: true,
          value: {
            plan: (place, text) => planScore(index, place, text, input.score as number, noHash),
            change: `its score set to ${input.score}/${scoringOf(index.scope).scale}`,
          },
        }
      : { ok: false, message: 'set_score takes score as a whole number.' },
  );
  const markReviewed = writer(roots, 'mark_reviewed', (_input, index) => ({
    ok: true,
    value: { plan: (place, text) => planReviewed(index, place, text, noHash), change: `dated today (As of ${index.day()})` },
  }));
  const { search, stale, battlecard, compare } = RESEARCH_TOOLS;
  const disposables = [
    vscode.lm.registerTool(search.lm, reader(searchAnswer)),
    vscode.lm.registerTool(
      stale.lm,
      reader((notes, input) => json(staleAnswers(notes.index, { product: stringOf(input.product), category: stringOf(input.category) }))),
    ),
    vscode.lm.registerTool(
      battlecard.lm,
      reader(({ index }, input) => {
        const product = stringOf(input.product);
        if (product === undefined) return { ok: false, message: 'Name a product by its id, name or alias.' };
        const category = stringOf(input.category);
        const ambiguous = battlecardCategoryRefusal(index.scope, product, category, 'the category argument');
        if (ambiguous) return { ok: false, message: ambiguous };
        const card = battlecardOf(index, product, category);
        return card.ok ? { ok: true, value: battlecardToMarkdown(card.value) } : card;
      }),
    ),
    vscode.lm.registerTool(
      compare.lm,
      reader(({ index }, input) => {
        const products = stringsOf(input.products);
        if (!products || products.length === 0) return { ok: false, message: 'compare_products takes products as a list of names.' };
        return json(compareProducts(index, { products, axes: stringsOf(input.axes), category: stringOf(input.category) }));
      }),
    ),
    vscode.lm.registerTool(RESEARCH_TOOLS.setScore.lm, setScore),
    vscode.lm.registerTool(RESEARCH_TOOLS.markReviewed.lm, markReviewed),
  ];
  return { setScore, disposables };
}

/** The editor offers no update_answer (the one writer that needs the answer's hash), so its writers compute none. */
const noHash = () => '';

type WriterPlan = (place: AnswerPlace, text: string) => AnswerPlan;
type Planned = {
  readonly path: string;
  readonly axis: string;
  readonly change: string;
  readonly uri: vscode.Uri;
  readonly before: string;
  readonly planned: AnswerPlan;
};

/** A writer of one existing answer: asks first, naming the note, the axis and the change; writes the planned text as one edit. */
function writer(
  roots: ScopeRoots,
  name: string,
  edit: (input: Input, index: NoteIndex) => Lookup<{ plan: WriterPlan; change: string }>,
): vscode.LanguageModelTool<Input> {
  const plan = async (raw: unknown): Promise<Lookup<Planned>> => {
    const input = objectOf(raw);
    const [product, axis, category] = [stringOf(input.product), stringOf(input.axis), stringOf(input.category)];
    if (product === undefined || axis === undefined) return { ok: false, message: `${name} takes product and axis as strings.` };
    const notes = (await roots.whenReady())?.notes;
    if (!notes) return { ok: false, message: 'No folder is open: there is no notes folder to write in.' };
    const asked = edit(input, notes.index);
    if (!asked.ok) return asked;
    const found = findSection(notes.index.scope, product, axis, category);
    const place = found.ok ? answerPlace(notes.index, found.value.target, found.value.axis, product) : found;
    if (!place.ok) return place;
    const uri = await writableUri(notes, place.value.path);
    if (!uri.ok) return uri;
    const before = (await vscode.workspace.openTextDocument(uri.value)).getText();
    const planned = asked.value.plan(place.value, before);
    return {
      ok: true,
      value: { path: place.value.path, axis: place.value.axis.name, change: asked.value.change, uri: uri.value, before, planned },
    };
  };
  return {
    async prepareInvocation({ input }) {
      const planned = await plan(input);
      // A refusal, or nothing to change: nothing to confirm.
      if (!planned.ok || !planned.value.planned.ok || planned.value.planned.value.unchanged) {
        return { invocationMessage: 'Checking the research note' };
      }
      const { path, axis, change } = planned.value;
      return {
        invocationMessage: `Writing "${axis}" in ${path}`,
        confirmationMessages: {
          title: `Change "${axis}" in ${path}?`,
          message: new vscode.MarkdownString(`The answer to **${inline(axis)}** in ${inline(path)}: ${inline(change)}.`),
        },
      };
    },
    async invoke({ input }) {
      const planned = await plan(input);
      if (!planned.ok) throw new Error(planned.message);
      const { path, axis, uri, before } = planned.value;
      if (!planned.value.planned.ok) throw new Error(planned.value.planned.message);
      const { text, unchanged } = planned.value.planned.value;
      if (unchanged) return toToolResult(`${path} already holds this; nothing was written.`);
      const document = await vscode.workspace.openTextDocument(uri);
      if (document.getText() !== before) throw new Error(`${path} changed while the edit was planned; nothing was written. Try again.`);
      const whole = new vscode.Range(document.positionAt(0), document.positionAt(before.length));
      const unsaved = await applyToNote(uri, path, [vscode.TextEdit.replace(whole, text)]);
      return toToolResult(`Updated ${path}: "${axis}".${unsaved ? ' The note had unsaved changes: it is left unsaved.' : ''}`);
    },
  };
}

/** search_notes over every note of the index, each read as the editor has it (unsaved edits included), within the size a note may have. */
async function searchAnswer(notes: NoteWorkspace, input: Input): Promise<Lookup<string>> {
  const query = stringOf(input.query);
  if (query === undefined || query.trim() === '') return { ok: false, message: 'search_notes takes query as a string.' };
  const texts = new Map<string, string>();
  for (const path of notes.index.paths()) {
    const text = await noteText(notes.uriOf(path));
    if (text !== undefined) texts.set(path, text);
  }
  const limit = typeof input.limit === 'number' ? Math.min(Math.max(1, Math.floor(input.limit)), MAX_SEARCH_RESULTS) : 20;
  const after = typeof input.cursor === 'string' && /^\d{1,9}$/.test(input.cursor) ? Number(input.cursor) : 0;
  const found = searchNotes(notes.index, (path) => texts.get(path), {
    query,
    match: input.match === 'words' ? 'words' : 'phrase',
    limit,
    after,
  });
  return json({ ok: true, value: { hits: found.hits, ...(found.next === null ? {} : { nextCursor: String(found.next) }) } });
}

async function noteText(uri: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  try {
    if ((await vscode.workspace.fs.stat(uri)).size > MAX_NOTE_BYTES) return undefined;
    const decoded = decodeNote(await vscode.workspace.fs.readFile(uri));
    return decoded.ok ? decoded.text : undefined;
  } catch {
    return undefined; // gone or unreadable since the index read it: not searched
  }
}

function json(answer: Lookup<unknown>): Lookup<string> {
  return answer.ok ? { ok: true, value: JSON.stringify(answer.value, null, 2) } : answer;
}

function objectOf(input: unknown): Input {
  return typeof input === 'object' && input !== null ? (input as Input) : {};
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function stringsOf(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : undefined;
}
