import { inline } from '../matrix/exportMarkdown';
import type { NoteIndex } from '../index/noteIndex';
import type { NoteTarget } from '../notes/productMatcher';
import { BUILT_IN_PLACEHOLDERS } from '../notes/sectionStatus';
import { notePathFor } from '../notes/noteTemplate';
import { productOf, type Scoring } from '../scope/scopeModel';
import { describeScore, scoringOf } from '../scope/scale';
import type { Lookup } from '../notes/scopeLookup';
import { productFacts, selectTargets, type ProductFacts, type SectionFacts, type Selection } from './scopeFacts';

/** What a brief is about: products (one product in each category that holds it, or a category's), or every gap. */
export type BriefSubject =
  | { readonly kind: 'products'; readonly title: string; readonly targets: readonly NoteTarget[] }
  | { readonly kind: 'gaps'; readonly targets: readonly NoteTarget[] };

/** The brief a selection asks for: a product's (in a category when named), a category's, or, with neither or `gaps`, every gap. */
export function briefSubject(index: NoteIndex, selection: Selection & { readonly gaps?: boolean }): Lookup<BriefSubject> {
  const targets = selectTargets(index, selection);
  if (!targets.ok) return targets;
  if (selection.gaps || (selection.product === undefined && selection.category === undefined)) {
    return { ok: true, value: { kind: 'gaps', targets: targets.value } };
  }
  const first = targets.value[0];
  const found = first && productOf(index.scope, first);
  const title = selection.product !== undefined ? found?.product.name : (found?.category.name ?? selection.category);
  return { ok: true, value: { kind: 'products', title: title ?? '', targets: targets.value } };
}

const STATUS_WORD = { missing: 'no section yet', empty: 'an empty section', placeholder: 'only a placeholder' } as const;

/**
 * A research brief in its parts, so that it can be read a part at a time: the title and the subject; each
 * product's block, after its category's heading and goal; the conventions.
 */
export interface BriefParts {
  readonly head: readonly string[];
  readonly products: readonly { readonly categoryId: string; readonly category: readonly string[]; readonly lines: readonly string[] }[];
  readonly tail: readonly string[];
}

/**
 * The research brief: what a researcher (a person or an agent) needs to write the missing answers well. The
 * subject and each category's goal, each product with what its notes answer already and what they still
 * lack (with each axis's description), where to write, and the conventions a section must follow to count.
 */
export function researchBrief(index: NoteIndex, subject: BriefSubject): string {
  const parts = briefParts(index, subject);
  return briefText(parts, 0, parts.products.length);
}

/** The brief's text from its products' blocks `start` to `end` (end excluded): the conventions close the last. */
export function briefText(parts: BriefParts, start: number, end: number): string {
  const lines = [...parts.head];
  for (let i = start; i < end; i++) {
    const product = parts.products[i];
    if (i === start || product.categoryId !== parts.products[i - 1].categoryId) lines.push(...product.category);
    lines.push(...product.lines);
  }
  if (end === parts.products.length) lines.push(...parts.tail);
  return `${lines.join('\n')}\n`;
}

export function briefParts(index: NoteIndex, subject: BriefSubject): BriefParts {
  const { scope } = index;
  const all = subject.targets.map((t) => productFacts(index, t)).filter((f): f is ProductFacts => f !== undefined);
  const facts = subject.kind === 'gaps' ? all.filter((f) => f.sections.some((s) => s.status !== 'answered')) : all;
  const title = subject.kind === 'gaps' ? 'every gap' : subject.title;
  const head = [`# Research brief: ${inline(title)}`, '', `Scope: ${inline(scope.title)}.`];
  if (scope.subject) {
    head.push(`Our product: **${inline(scope.subject)}**. Read every competitor against it: what it does that we do not, and how.`);
  }
  if (facts.length === 0) head.push('', subject.kind === 'gaps' ? 'Every axis of every product is answered.' : 'Nothing to research here.');
  const products = facts.map((product) => ({
    categoryId: product.category.id,
    category: ['', `## ${inline(product.category.name)}`, '', `**Goal:** ${inline(product.category.goal)}`],
    lines: ['', ...productLines(index, product, subject.kind === 'gaps')],
  }));
  const example = facts.flatMap((f) => f.sections).find((s) => s.status !== 'answered') ?? facts[0]?.sections[0];
  return { head, products, tail: example ? ['', ...conventionLines(index, example.axis.name)] : [] };
}

function productLines(index: NoteIndex, facts: ProductFacts, gapsOnly: boolean): string[] {
  const { product } = facts;
  const lines = [`### ${inline(product.name)}${facts.subject ? ' (our product)' : ''}`, ''];
  if (product.description) lines.push(`${inline(product.description)}`, '');
  lines.push(`Write in ${notePlace(index, facts)}.`);
  const answered = facts.sections.filter((s) => s.status === 'answered');
  const gaps = facts.sections.filter((s) => s.status !== 'answered');
  if (!gapsOnly && answered.length > 0) {
    lines.push('', `Already answered (${answered.length} of ${facts.sections.length}):`, '');
    const scoring = scoringOf(index.scope);
    for (const section of answered) {
      const score = section.score == null ? '' : `, score ${describeScore(scoring, section.score)}`;
      lines.push(`- **${inline(section.axis.name)}** (${place(section)}${score}): ${inline(section.excerpt ?? '')}${evidence(section)}`);
    }
  }
  if (gaps.length > 0) {
    lines.push('', `To research (${gaps.length} of ${facts.sections.length}):`, '');
    for (const section of gaps) {
      const where =
        section.file === null ? STATUS_WORD.missing : `${STATUS_WORD[section.status as 'empty' | 'placeholder']} at ${place(section)}`;
      const near = (section.probablyAnsweredBy ?? []).map(
        (h) => `\`${h.file}:${h.line}\` probably answers it (heading: ${inline(h.heading)})`,
      );
      const rename = near.length > 0 ? `, but ${near.join(' and ')}: rename the heading to the axis name instead of adding a section` : '';
      lines.push(
        `- **${inline(section.axis.name)}**: ${where}${rename}.${section.axis.description ? ` ${inline(section.axis.description)}` : ''}`,
      );
    }
  } else {
    lines.push('', 'Every axis is answered: check that the answers are still true.');
  }
  return lines;
}

/** The product's first note, or where a new one goes (with the front matter that names it). */
function notePlace(index: NoteIndex, facts: ProductFacts): string {
  if (facts.notes.length > 0) return facts.notes.map((n) => `\`${n}\``).join(', ');
  const found = productOf(index.scope, { categoryId: facts.category.id, productId: facts.product.id });
  const path = found ? notePathFor(index.scope.notes, found.product) : '';
  return `a new note \`${path}\` (front matter \`product: ${facts.product.id}\`, \`category: ${facts.category.id}\`)`;
}

/** What an answer rests on and how old it is: its as-of day (marked when stale) and its sources, as links. */
function evidence(section: SectionFacts): string {
  const asOf = section.asOf ? ` As of ${section.asOf}${section.stale ? ', stale: check it again' : ''}.` : ' No as-of date.';
  const sources = section.sources ?? [];
  return `${asOf}${sources.length > 0 ? ` Sources: ${sources.map((url) => `<${url}>`).join(', ')}.` : ' No source cited.'}`;
}

function place(section: SectionFacts): string {
  return section.file === null ? 'no note' : `\`${section.file}:${section.line}\``;
}

function conventionLines(index: NoteIndex, exampleAxis: string): string[] {
  const placeholders = [...BUILT_IN_PLACEHOLDERS, ...index.scope.placeholders].map((w) => `\`${w}\``).join(', ');
  return [
    '## Conventions',
    '',
    `- Notes are Markdown files matching \`${index.scope.notes}\`; a note names its product in front matter (\`product:\` by id, name or alias).`,
    `- One section per axis: a heading (level 2 to 6) whose text is the axis's name, e.g. \`## ${exampleAxis.replace(/`/g, '')}\`, followed by the answer.`,
    `- A section that holds only ${placeholders} counts as unanswered; "N/A: not applicable because …" is an answer.`,
    "- Answer the category's goal: state facts, then how they compare with our product; link every source (an http or https URL).",
    '- Date each answer on a line of its own, `As of YYYY-MM-DD`: the day its facts were checked.',
    ...scoreConvention(index.scope.scoring),
    '- Add to a section; never delete what the team wrote.',
  ];
}

/** With a `scoring` block, every answer is to be scored: the line, the scale and its labels. */
function scoreConvention(scoring: Scoring | undefined): string[] {
  if (!scoring) return [];
  const labels = scoring.labels.length > 0 ? ` (${scoring.labels.map((label, score) => `${score} ${inline(label)}`).join(', ')})` : '';
  return [`- Score each answer on a line of its own, \`Score: N\`, N from 0 to ${scoring.scale}${labels}, against the axis's description.`];
}
