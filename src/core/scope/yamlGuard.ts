import { isScalar, visit, type Document, type Node } from 'yaml';

/**
 * The guards every YAML text from a repository goes through before the `yaml` library sees it (the scope
 * file, a note's front matter): the parser recurses into nesting, and a deep enough nesting overflows V8's
 * stack in a way nothing can catch.
 */

const SPACE = 32;
const TAB = 9;
const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;
const BACKSLASH = 92;

/**
 * The deepest nesting of a YAML text, by indentation (two spaces or a list dash a level) or by flow
 * brackets, whichever is deeper, and where it is; found in one pass without recursion. What is text to
 * YAML does not count: quoted strings, comments, block scalars (`|`, `>`) and brackets inside plain text.
 */
export function yamlNesting(text: string): { depth: number; offset: number } {
  let max = 0;
  let at = 0;
  const reach = (depth: number, offset: number) => {
    if (depth > max) [max, at] = [depth, offset];
  };
  let flow = 0;
  let quote = 0;
  /** The indentation of the line that opened a block scalar: deeper lines are its text. */
  let blockIndent = -1;
  for (let start = 0; start < text.length; ) {
    let first = start;
    while (text.charCodeAt(first) === SPACE) first++;
    let end = text.indexOf('\n', first);
    if (end === -1) end = text.length;
    const indent = first - start;
    if (blockIndent >= 0 && (indent > blockIndent || text.slice(first, end).trim() === '')) {
      start = end + 1;
      continue;
    }
    blockIndent = -1;
    if (quote === 0 && flow === 0) {
      let marks = first;
      while (marks < end && (text.charCodeAt(marks) === SPACE || text[marks] === '-')) marks++;
      reach(Math.floor((marks - start) / 2), marks);
    }
    // Whether a node may start here: at the line's start, after an indicator (`- `, `? `, `: `), in a flow after `[`, `{`, `,`.
    let canStart = true;
    for (let i = first; i < end; i++) {
      const c = text.charCodeAt(i);
      if (quote !== 0) {
        if (quote === DOUBLE_QUOTE && c === BACKSLASH) i++;
        else if (quote === SINGLE_QUOTE && c === SINGLE_QUOTE && text.charCodeAt(i + 1) === SINGLE_QUOTE) i++;
        else if (c === quote) [quote, canStart] = [0, false];
        continue;
      }
      const before = text.charCodeAt(i - 1);
      if (c === SPACE || c === TAB) continue;
      if (text[i] === '#' && (i === first || before === SPACE || before === TAB)) break;
      const spaceAfter = i + 1 === end || text.charCodeAt(i + 1) === SPACE || text.charCodeAt(i + 1) === TAB;
      if ((c === DOUBLE_QUOTE || c === SINGLE_QUOTE) && canStart) {
        quote = c;
      } else if ((text[i] === '[' || text[i] === '{') && (canStart || flow > 0)) {
        reach(++flow, i);
        canStart = true;
      } else if ((text[i] === ']' || text[i] === '}') && flow > 0) {
        flow--;
        canStart = false;
      } else if (text[i] === ',' && flow > 0) {
        canStart = true;
      } else if ((text[i] === ':' || ((text[i] === '-' || text[i] === '?') && canStart)) && spaceAfter) {
        canStart = true;
      } else if ((text[i] === '|' || text[i] === '>') && canStart && flow === 0) {
        blockIndent = indent;
        break;
      } else {
        canStart = false;
      }
    }
    start = end + 1;
  }
  return { depth: max, offset: at };
}

/**
 * The second and later keys of each mapping that repeat an earlier key, in one pass. The `yaml` library's
 * own `uniqueKeys` check compares every key with every earlier one: quadratic in a mapping's size.
 */
export function repeatedKeys(doc: Document.Parsed): Node[] {
  const repeated: Node[] = [];
  visit(doc, {
    Map(_key, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        if (seen.has(pair.key.value)) repeated.push(pair.key);
        else seen.add(pair.key.value);
      }
    },
  });
  return repeated;
}
