import type { NoteAnalysis } from '../notes/noteAnalyzer';
import type { ProductCoverage } from '../index/noteIndex';
import type { NoteTarget } from '../notes/productMatcher';
import { subjectOf, type Scope } from '../scope/scopeModel';
import type { Position, Range } from '../text';
import { sectionScoreLines } from '../notes/scoreLine';
import { describeScore, harveyBall, scoringOf } from '../scope/scale';

/** `Score:` and what has been typed of the value, up to the cursor. */
const TYPED_SCORE = /^([ \t]*score[ \t]*:[ \t]*)(\d*)$/i;

/** What to offer after `Score: ` in an axis section: each value of the scale, with its ball and label, in order. */
export function scoreCompletions(
  analysis: NoteAnalysis,
  scope: Scope,
  lineText: string,
  position: Position,
): { label: string; detail: string; insertText: string; range: Range; sortText: string }[] {
  const typed = TYPED_SCORE.exec(lineText.slice(0, position.character));
  if (!typed || !inAxisSection(analysis, position.line)) return [];
  const scoring = scoringOf(scope);
  const range: Range = {
    start: { line: position.line, character: typed[1].length },
    end: { line: position.line, character: lineText.trimEnd().length },
  };
  return Array.from({ length: scoring.scale + 1 }, (_, value) => ({
    label: String(value),
    detail: `${harveyBall(value, scoring.scale)} ${describeScore(scoring, value)}`,
    insertText: String(value),
    range,
    sortText: String(value).padStart(3, '0'),
  }));
}

/** On a score line of an axis section: its label and the subject's score on the same axis. */
export function scoreHover(
  analysis: NoteAnalysis,
  scope: Scope,
  position: Position,
  coverage: (target: NoteTarget) => ProductCoverage,
): { range: Range; title: string; paragraphs: string[] } | undefined {
  for (const section of analysis.sections) {
    const line = sectionScoreLines(analysis.parsed, section.headingIndex).find((l) => l.range.start.line === position.line);
    if (!line) continue;
    const scoring = scoringOf(scope);
    const axis = scope.categories.find((c) => c.id === section.categoryId)?.axes.find((a) => a.id === section.axisId);
    const title =
      section.score === null
        ? `Not a score on the scale 0 to ${scoring.scale}`
        : `${harveyBall(section.score, scoring.scale)} ${describeScore(scoring, section.score)}`;
    const subject = subjectOf(scope);
    const paragraphs = axis ? [`${axis.name}${axis.weight !== 1 ? ` (weight ×${axis.weight})` : ''}`] : [];
    if (subject && !analysis.targets.some((t) => t.productId === subject.id)) {
      const ours =
        coverage({ categoryId: section.categoryId, productId: subject.id }).axes.find((a) => a.axisId === section.axisId)?.score ?? null;
      paragraphs.push(
        ours === null
          ? `${subject.name}: not scored on this axis.`
          : `${subject.name}: ${harveyBall(ours, scoring.scale)} ${describeScore(scoring, ours)}.`,
      );
    }
    return { range: line.range, title, paragraphs };
  }
  return undefined;
}

function inAxisSection(analysis: NoteAnalysis, line: number): boolean {
  return analysis.sections.some((s) => {
    const heading = analysis.parsed.headings[s.headingIndex];
    return line > heading.range.end.line && line < heading.sectionEndLine;
  });
}
