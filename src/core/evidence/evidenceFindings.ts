import { ageWords, dayCount } from '../dates';
import { finding, type Finding } from '../notes/findings';
import type { AxisSection, NoteAnalysis } from '../notes/noteAnalyzer';
import { axisOf, type Scope } from '../scope/scopeModel';
import { AS_OF_FROM_WORDS, type Evidence } from './sectionEvidence';

/**
 * `unsourced-answer` and `stale-answer` on the note's answered sections (a duplicate's first section speaks for it),
 * from what each answer rests on and how old it is (`evidenceOf`, evaluated today).
 */
export function evidenceFindings(analysis: NoteAnalysis, scope: Scope, evidenceOf: (section: AxisSection) => Evidence): Finding[] {
  const findings: Finding[] = [];
  for (const section of analysis.sections) {
    if (section.status !== 'answered' || section.duplicate) continue;
    const axis = axisOf(scope, section.categoryId, section.axisId);
    const evidence = evidenceOf(section);
    const range = analysis.parsed.headings[section.headingIndex].range;
    const ids = { categoryId: section.categoryId, axisId: section.axisId };
    const name = axis?.name ?? section.axisId;
    if (evidence.sources.length === 0) {
      const message = `The answer to "${name}" cites no source: link the page it rests on (an http or https URL)${evidence.sourcesRequired ? '; this axis requires one' : ''}.`;
      findings.push(finding('unsourced-answer', message, range, ids, evidence.sourcesRequired ? 'warning' : 'information'));
    }
    if (evidence.stale && evidence.asOf !== null && evidence.asOfFrom !== null && evidence.ageDays !== null) {
      const message = `The answer to "${name}" is ${ageWords(evidence.ageDays)} old (as of ${evidence.asOf}, from ${AS_OF_FROM_WORDS[evidence.asOfFrom]}); answers to it stay fresh for ${dayCount(evidence.freshnessDays)}.`;
      findings.push(finding('stale-answer', message, range, { ...ids, asOf: evidence.asOf, asOfFrom: evidence.asOfFrom }));
    }
  }
  return findings;
}
