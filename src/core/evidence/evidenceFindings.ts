import { ageWords, dayCount } from '../dates';
import { finding, type Finding } from '../notes/findings';
import type { AxisSection, NoteAnalysis } from '../notes/noteAnalyzer';
import { axisOf, productOf, type Scope } from '../scope/scopeModel';
import { AS_OF_FROM_WORDS, type Evidence } from './sectionEvidence';

/**
 * `unsourced-answer` and `stale-answer` on the note's answered sections (a duplicate's first section speaks for it),
 * from what each answer rests on and how old it is (`evidenceOf`, evaluated today). In a comparison note each
 * product's answer rests on its own part and the shared text: one finding per section names the products it is about.
 */
export function evidenceFindings(
  analysis: NoteAnalysis,
  scope: Scope,
  evidenceOf: (section: AxisSection, productId?: string) => Evidence,
): Finding[] {
  const findings: Finding[] = [];
  for (const section of analysis.sections) {
    if (section.status !== 'answered' || section.duplicate) continue;
    const axis = axisOf(scope, section.categoryId, section.axisId);
    const answers = section.byProduct
      ? [...section.byProduct].flatMap(([productId, answer]) =>
          answer.status === 'answered'
            ? [
                {
                  name: productOf(scope, { categoryId: section.categoryId, productId })?.product.name ?? productId,
                  evidence: evidenceOf(section, productId),
                },
              ]
            : [],
        )
      : [{ name: '', evidence: evidenceOf(section) }];
    // "for Typesense" when some products' answers are in question and others' are not.
    const forWhom = (some: typeof answers) => (some.length < answers.length ? ` for ${some.map((a) => a.name).join(' and ')}` : '');
    const range = analysis.parsed.headings[section.headingIndex].range;
    const ids = { categoryId: section.categoryId, axisId: section.axisId };
    const name = axis?.name ?? section.axisId;
    const unsourced = answers.filter((a) => a.evidence.sources.length === 0);
    if (unsourced.length > 0) {
      const required = unsourced[0].evidence.sourcesRequired;
      const message = `The answer to "${name}"${forWhom(unsourced)} cites no source: link the page it rests on (an http or https URL)${required ? '; this axis requires one' : ''}.`;
      findings.push(finding('unsourced-answer', message, range, ids, required ? 'warning' : 'information'));
    }
    const stale = answers.filter((a) => a.evidence.stale);
    const { asOf, asOfFrom, ageDays, freshnessDays } = stale[0]?.evidence ?? {};
    if (asOf && asOfFrom && ageDays !== undefined && ageDays !== null && freshnessDays !== undefined) {
      const message = `The answer to "${name}"${forWhom(stale)} is ${ageWords(ageDays)} old (as of ${asOf}, from ${AS_OF_FROM_WORDS[asOfFrom]}); answers to it stay fresh for ${dayCount(freshnessDays)}.`;
      findings.push(finding('stale-answer', message, range, { ...ids, asOf, asOfFrom }));
    }
  }
  return findings;
}
