import { COLLECTION_STYLE, EVENT_ID, SCALAR_STYLE } from 'js-yaml';
import { LineIndex, type Range } from '../text';
import { plainEvents } from './plainYaml';
import type { Path } from './scopeProblems';

/** A mapping or a list, as js-yaml's events place it: its start, and how far its scalars reach. */
interface Collection {
  readonly start: number;
  end: number;
  readonly children: Map<PropertyKey, Collection>;
  /** A mapping's key waiting for its value (undefined for a key that is not a plain word); a list's next index. */
  next: PropertyKey | undefined;
  readonly mapping: boolean;
  readonly block: boolean;
  expectsKey: boolean;
}

/**
 * The ranges of a plain YAML text's mappings and lists from js-yaml's events, without the `yaml` library's document
 * of every node: what a scope's items need for their diagnostics (a `no-note` finding for each product of a scope
 * without notes). Only the ranges the events settle are given: a collection spread over several lines, or a block
 * mapping followed by a line break (its range in the document runs past it: `- name: A` alone on its line spans
 * two lines), which `nodeRange` trims to its first character. Undefined for anything else (one line, a scalar, a
 * path the events do not reach, a text that is not plain YAML for plainYamlData), which the caller then finds in
 * the `yaml` document.
 */
export function collectionRanges(text: string, maxDepth: number): (path: Path) => Range | undefined {
  const lines = new LineIndex(text);
  const root = collectionTree(text, maxDepth);
  return (path) => {
    let node = root;
    for (const step of path) node = node?.children.get(step);
    if (!node) return undefined;
    const start = lines.position(node.start);
    if (lines.position(node.end).line === start.line && !(node.mapping && node.block && text.includes('\n', node.end))) return undefined;
    return { start, end: { line: start.line, character: start.character + 1 } };
  };
}

function collectionTree(text: string, maxDepth: number): Collection | undefined {
  const events = plainEvents(text, maxDepth);
  if (!events) return undefined;
  const open: Collection[] = [];
  let root: Collection | undefined;
  /** A value (or key) of the innermost open collection took its place: the next one is a key again, or the next index. */
  const placedIn = (parent: Collection | undefined, key: string | undefined) => {
    if (!parent) return;
    if (parent.mapping) {
      parent.next = parent.expectsKey ? key : undefined;
      parent.expectsKey = !parent.expectsKey;
    } else {
      parent.next = (parent.next as number) + 1;
    }
  };
  for (const event of events) {
    const parent = open.at(-1);
    if (event.type === EVENT_ID.MAPPING || event.type === EVENT_ID.SEQUENCE) {
      const mapping = event.type === EVENT_ID.MAPPING;
      const block = event.style === COLLECTION_STYLE.BLOCK;
      const node: Collection = { start: event.start, end: event.start, children: new Map(), next: mapping ? undefined : 0, mapping, block, expectsKey: true };
      if (parent && !(parent.mapping && parent.expectsKey) && parent.next !== undefined) parent.children.set(parent.next, node);
      root ??= node;
      placedIn(parent, undefined);
      open.push(node);
    } else if (event.type === EVENT_ID.SCALAR) {
      if (parent) parent.end = Math.max(parent.end, event.valueEnd);
      const plainWord = event.style === SCALAR_STYLE.PLAIN ? text.slice(event.valueStart, event.valueEnd) : undefined;
      placedIn(parent, plainWord);
    } else if (event.type === EVENT_ID.POP && parent) {
      open.pop();
      const outer = open.at(-1);
      if (outer) outer.end = Math.max(outer.end, parent.end);
    }
  }
  return root;
}
