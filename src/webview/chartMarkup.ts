import { element } from './dom';

/**
 * A chart drawn by core (its SVG, caption, legend and table) as an element of this page, the figure and its table side
 * by side where the page is wide enough. Core's generators escape every
 * piece of team text they put in the markup, so parsing it makes no element or attribute of the team's; and the
 * parser runs no script, which the page's CSP would refuse anyway. The chart is drawn in core so that the webviews,
 * the exports and the site show one and the same figure.
 */
export function chartBody(markup: string): HTMLElement {
  const parsed = new DOMParser().parseFromString(`<!DOCTYPE html><body>${markup}</body>`, 'text/html');
  return element('div', { className: 'chart-body' }, ...[...parsed.body.childNodes].map((node) => document.importNode(node, true)));
}

/** A titled section holding charts, labelled by its heading for screen readers. */
export function chartSection(id: string, heading: string, ...charts: Node[]): HTMLElement {
  return element(
    'section',
    { className: 'charts', attributes: { 'aria-labelledby': id } },
    element('h2', { text: heading, attributes: { id } }),
    ...charts,
  );
}
