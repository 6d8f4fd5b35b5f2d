import { STATUS_LABEL } from '../matrix/cellStatus';
import { cellText, inline, markdownRow } from '../matrix/exportMarkdown';
import { matrixOfIndex } from '../matrix/indexMatrix';
import type { NoteIndex } from '../index/noteIndex';
import { formatWeightedScore } from '../scoring/weightedScore';
import { briefAnswer } from './agentTools';
import { gapFacts, selectTargets, type Selection } from './scopeFacts';
import { findCategory, findProduct, type Lookup } from '../notes/scopeLookup';

/** What @competitor-scope answers: Markdown, and the notes it read (the chat lists them as references). */
export interface ChatAnswer {
  readonly markdown: string;
  readonly notes: readonly string[];
  /**
   * For facts a language model may put into prose (/gaps, /compare): what to ask it. Absent for the brief (a
   * document to copy as it is), for help and for messages.
   */
  readonly prose?: string;
}

/** The longest prompt read: product and category names are short, and /compare tries each split of it. */
const MAX_PROMPT = 200;

export const CHAT_HELP = [
  'Ask me about the competitor scope and its research notes:',
  '',
  '- `/gaps` — what the notes leave missing, empty or placeholder; add a product or a category to narrow it.',
  '- `/brief PRODUCT` — the research brief of a product (or a category; with nothing, of every gap).',
  '- `/compare PRODUCT PRODUCT` — two products side by side, axis by axis.',
].join('\n');

/** The answer to a command of the chat participant, from the notes alone: no language model is involved. */
export function chatAnswer(index: NoteIndex, command: string | undefined, prompt: string): ChatAnswer {
  const text = prompt.trim();
  if (text.length > MAX_PROMPT) return plain(`That is longer than a product's name. ${CHAT_HELP}`);
  switch (command) {
    case 'gaps':
      return withProse(
        answerOrMessage(selectionIn(index, text), (selection) => gapsMarkdown(index, selection)),
        'what the research notes still lack, and what to research first',
      );
    case 'brief':
      return answerOrMessage(selectionIn(index, text), (selection) => {
        const brief = briefAnswer(index, selection);
        return brief.ok ? { ok: true, value: { markdown: brief.value, notes: notesOf(index, selection) } } : brief;
      });
    case 'compare':
      return withProse(
        answerOrMessage(twoProducts(index, text), ([a, b]) => compareMarkdown(index, a, b)),
        'how the two products compare, axis by axis, and where each leads',
      );
    default:
      return plain(CHAT_HELP);
  }
}

/** A prompt as a selection: nothing (everything), a product, or a category. */
export function selectionIn(index: NoteIndex, text: string): Lookup<Selection> {
  if (text === '') return { ok: true, value: {} };
  const product = findProduct(index.scope, text);
  if (product.ok) return { ok: true, value: { product: text } };
  if (findCategory(index.scope, text).ok) return { ok: true, value: { category: text } };
  return product;
}

/**
 * Two product names in a prompt: split at "vs", "and" or a comma, else at the one space where both sides name
 * a product ("Grafana Cloud Datadog" has one such space at most, when names are distinct).
 */
export function twoProducts(index: NoteIndex, text: string): Lookup<[string, string]> {
  const usage: Lookup<[string, string]> = { ok: false, message: 'Name two products: `/compare Django FastAPI`.' };
  const marked = text.split(/\s+vs\.?\s+|\s+and\s+|\s*,\s*/i).filter((part) => part !== '');
  const candidates: [string, string][] = marked.length === 2 ? [[marked[0], marked[1]]] : [];
  const words = text.split(/\s+/).filter((w) => w !== '');
  if (marked.length !== 2) for (let i = 1; i < words.length; i++) candidates.push([words.slice(0, i).join(' '), words.slice(i).join(' ')]);
  for (const [a, b] of candidates) {
    if (findProduct(index.scope, a).ok && findProduct(index.scope, b).ok) return { ok: true, value: [a, b] };
  }
  if (candidates.length === 1) {
    const wrong = [candidates[0][0], candidates[0][1]].map((name) => findProduct(index.scope, name)).find((l) => !l.ok);
    if (wrong && !wrong.ok) return wrong;
  }
  return usage;
}

/** A table of the gaps per category: each product with the axes its notes still lack, and how. */
export function gapsMarkdown(index: NoteIndex, selection: Selection): Lookup<ChatAnswer> {
  const targets = selectTargets(index, selection);
  if (!targets.ok) return targets;
  const facts = gapFacts(index, targets.value);
  if (facts.length === 0) {
    return { ok: true, value: { markdown: 'Every axis is answered here: nothing is missing, empty or placeholder.', notes: [] } };
  }
  const lines: string[] = [];
  let categoryId: string | undefined;
  for (const product of facts) {
    if (product.category.id !== categoryId) {
      categoryId = product.category.id;
      lines.push(
        ...(lines.length > 0 ? [''] : []),
        `### ${inline(product.category.name)}`,
        '',
        markdownRow(['Product', 'Axis', 'Status', 'Where']),
        markdownRow(['---', '---', '---', '---']),
      );
    }
    for (const section of product.sections) {
      // A heading near the axis's name probably answers it: rename it rather than write a second section.
      const near = (section.probablyAnsweredBy ?? []).map((h) => `\`${inline(h.file)}:${h.line}\` (heading: ${inline(h.heading)})`);
      const place = section.file === null ? '—' : `\`${inline(section.file)}:${section.line}\``;
      const where = near.length > 0 ? `${section.file === null ? '' : `${place}; `}probably answered by ${near.join(' and ')}` : place;
      lines.push(markdownRow([inline(product.product.name), inline(section.axis.name), STATUS_LABEL[section.status], where]));
    }
  }
  const count = facts.reduce((sum, f) => sum + f.sections.length, 0);
  lines.push(
    '',
    `${count} ${count === 1 ? 'gap' : 'gaps'} in ${facts.length} ${facts.length === 1 ? 'product' : 'products'}. \`/brief\` a product for what to research.`,
  );
  return { ok: true, value: { markdown: lines.join('\n'), notes: [...new Set(facts.flatMap((f) => f.notes))] } };
}

/** Two products side by side in a category both are in: each axis's status, excerpt and score, then coverage and score. */
export function compareMarkdown(index: NoteIndex, first: string, second: string): Lookup<ChatAnswer> {
  const a = findProduct(index.scope, first);
  const b = findProduct(index.scope, second);
  if (!a.ok) return a;
  if (!b.ok) return b;
  const shared = a.value.find((t) => b.value.some((u) => u.categoryId === t.categoryId));
  if (!shared) return { ok: false, message: `${first} and ${second} are in no category together, so no axes compare them.` };
  const model = matrixOfIndex(index);
  const table = model.tables.find((t) => t.categoryId === shared.categoryId);
  const productB = b.value.find((t) => t.categoryId === shared.categoryId)!;
  const rowA = table?.rows.find((r) => r.key === shared.productId);
  const rowB = table?.rows.find((r) => r.key === productB.productId);
  if (!table || !rowA || !rowB) return { ok: false, message: 'The matrix has no such rows.' };
  const lines = [
    `### ${inline(rowA.name)} and ${inline(rowB.name)}: ${inline(table.name)}`,
    '',
    ...(table.goal ? [`**Goal:** ${inline(table.goal)}`, ''] : []),
    markdownRow(['Axis', inline(rowA.name), inline(rowB.name)]),
    markdownRow(['---', '---', '---']),
    ...table.axes.map((axis, i) =>
      markdownRow([inline(axis.name), cellText(rowA.cells[i], model.scoring), cellText(rowB.cells[i], model.scoring)]),
    ),
    markdownRow(['**Answered**', `${rowA.answered}/${rowA.cells.length}`, `${rowB.answered}/${rowB.cells.length}`]),
    markdownRow(['**Score**', rowA.score ? formatWeightedScore(rowA.score) : '—', rowB.score ? formatWeightedScore(rowB.score) : '—']),
  ];
  return { ok: true, value: { markdown: lines.join('\n'), notes: [...new Set([...rowA.notes, ...rowB.notes])] } };
}

function notesOf(index: NoteIndex, selection: Selection): string[] {
  const targets = selectTargets(index, selection);
  return targets.ok ? [...new Set(targets.value.flatMap((t) => index.notesOf(t)))] : [];
}

function answerOrMessage<T>(lookup: Lookup<T>, answer: (value: T) => Lookup<ChatAnswer>): ChatAnswer {
  const answered = lookup.ok ? answer(lookup.value) : lookup;
  return answered.ok ? answered.value : plain(inline(answered.message));
}

/**
 * The request to a language model the user chose: answer in prose from these facts only, citing the notes.
 * Only facts that came from the notes are grounded (not a message saying a name is unknown).
 */
function withProse(answer: ChatAnswer, topic: string): ChatAnswer {
  if (answer.notes.length === 0) return answer;
  const prose = [
    `Using only the facts below, from a team's competitor research notes, write a short answer in Markdown prose on ${topic}.`,
    'Do not add facts that are not below. Name the note and line (as written below) for each fact you use. Keep the product and axis names as written.',
    '',
    answer.markdown,
  ].join('\n');
  return { ...answer, prose };
}

function plain(markdown: string): ChatAnswer {
  return { markdown, notes: [] };
}
