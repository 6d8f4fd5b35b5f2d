/** Calendar days as `YYYY-MM-DD` strings: what markers, front matter, git and the command line all speak. */

const DAY_MS = 24 * 60 * 60 * 1000;

/** `YYYY-MM-DD`, or `YYYY-MM` meaning the first of the month, as `YYYY-MM-DD`; undefined when it is no real day. */
export function parseDay(text: string): string | undefined {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3] ?? '1')];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

/** Whole days from one day to a later one (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The local calendar day of a moment: "today" where the user is. */
export function localDay(moment: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}`;
}

/** The later of two days (either may be absent). */
export function laterDay(a: string | undefined, b: string | undefined): string | undefined {
  return a === undefined ? b : b === undefined || a >= b ? a : b;
}

/** An age as a cell shows it: "today", "5 d", "3 wk", "4 mo", "2 yr". */
export function ageLabel(days: number): string {
  if (days <= 0) return 'today';
  if (days < 14) return `${days} d`;
  if (days < 61) return `${Math.floor(days / 7)} wk`;
  if (days < 730) return `${Math.floor(days / 30.44)} mo`;
  return `${Math.floor(days / 365.25)} yr`;
}

/** An age in words, for messages and hovers: "today", "1 day", "40 days". */
export function ageWords(days: number): string {
  return days <= 0 ? 'today' : days === 1 ? '1 day' : `${days} days`;
}
