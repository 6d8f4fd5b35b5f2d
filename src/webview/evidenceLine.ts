import { EVIDENCE_SYMBOL, type AnswerEvidence } from '../core/matrix/cellStatus';
import { element } from './dom';

/** Under an answer: its age, its number of sources, and its marks (symbol, word and colour, as statuses are). */
export function evidenceLine(cell: AnswerEvidence): HTMLElement {
  const line = element('span', { className: 'evidence' });
  const sources = cell.sources.length === 1 ? '1 source' : `${cell.sources.length} sources`;
  const parts = [
    ...(cell.age ? [element('span', { className: 'age', text: cell.age, attributes: { title: `As of ${cell.asOf}` } })] : []),
    ...(cell.sources.length > 0 ? [element('span', { className: 'sources', text: sources })] : []),
    ...(cell.unsourced ? [element('span', { className: 'mark unsourced', text: `${EVIDENCE_SYMBOL.unsourced} unsourced` })] : []),
    ...(cell.stale ? [element('span', { className: 'mark stale', text: `${EVIDENCE_SYMBOL.stale} stale` })] : []),
  ];
  parts.forEach((part, i) => line.append(...(i > 0 ? [document.createTextNode(' · ')] : []), part));
  return line;
}
