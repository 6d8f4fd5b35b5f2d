/**
 * One copy of a string for every equal one that long-lived results keep: each note's axis headings and cited pages
 * repeat across notes. At most MAX_SHARED strings are remembered, all dropped at once when more come (those
 * already shared stay shared), so that the table never grows with every string ever seen.
 */
const shared = new Map<string, string>();
const MAX_SHARED = 1 << 15;
/** A longer string is seldom repeated: it is kept as it is. */
const MAX_LENGTH = 512;

export function sharedString(text: string): string {
  if (text.length > MAX_LENGTH) return text;
  const known = shared.get(text);
  if (known !== undefined) return known;
  if (shared.size >= MAX_SHARED) shared.clear();
  // A copy of its own: the text may be a slice of a larger one, which the table would keep alive.
  const own = JSON.parse(JSON.stringify(text)) as string;
  shared.set(own, own);
  return own;
}
