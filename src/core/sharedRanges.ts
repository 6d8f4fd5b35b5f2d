import type { Position, Range } from './text';

/**
 * Ranges on one line, shared by every note that has one at the same place: each note keeps its headings' ranges,
 * and most headings stand at a few places (`## ` at the start of a line, ending where their short text ends). Frozen,
 * as what several notes hold must not change; at most MAX_SHARED of them, dropped all at once when more are asked.
 */
const ranges = new Map<number, Range>();
const positions = new Map<number, Position>();
const MAX_SHARED = 1 << 16;
/** Lines and characters past these are not shared: the key is a number made of them. */
const MAX_LINE = 1 << 20;
const MAX_CHARACTER = 1 << 11;

export function lineRange(line: number, start: number, end: number): Range {
  if (!shareable(line, start) || !shareable(line, end)) return { start: { line, character: start }, end: { line, character: end } };
  const key = (line * MAX_CHARACTER + start) * MAX_CHARACTER + end;
  let range = ranges.get(key);
  if (!range) {
    if (ranges.size >= MAX_SHARED) ranges.clear();
    ranges.set(key, (range = Object.freeze({ start: sharedPosition(line, start), end: sharedPosition(line, end) })));
  }
  return range;
}

/** A position, shared as lineRange's are. */
export function sharedPosition(line: number, character: number): Position {
  if (!shareable(line, character)) return { line, character };
  const key = line * MAX_CHARACTER + character;
  let position = positions.get(key);
  if (!position) {
    if (positions.size >= MAX_SHARED) positions.clear();
    positions.set(key, (position = Object.freeze({ line, character })));
  }
  return position;
}

function shareable(line: number, character: number): boolean {
  return (
    Number.isInteger(line) && Number.isInteger(character) && line >= 0 && character >= 0 && line < MAX_LINE && character < MAX_CHARACTER
  );
}
