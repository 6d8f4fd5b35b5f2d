/**
 * One copy of a string for every equal one a long-lived result keeps: each note's axis headings and cited pages
 * repeat across notes. A property name is kept once per distinct string by the engine (V8 internalizes it, and
 * forgets it once nothing refers to it), so no table of ours grows with every string ever seen.
 */
export function sharedString(text: string): string {
  return Object.keys({ [text]: 0 })[0] ?? text;
}
