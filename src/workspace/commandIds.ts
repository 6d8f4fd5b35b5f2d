/** Command ids that more than one feature names. */
export const RESEARCH_BRIEF_COMMAND = 'competitorScope.researchBrief';
