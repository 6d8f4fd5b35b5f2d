/** Calendar days as `YYYY-MM-DD` strings: what markers, front matter, git and the command line all speak. */

const DAY_MS = 24 * 60 * 60 * 1000;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** What a date written `YYYY-MM-DD`, or `YYYY-MM` meaning the first of the month, names: its day, or why it names none. */
export type DayReading = { readonly day: string; readonly why?: undefined } | { readonly day?: undefined; readonly why: string };

/**
 * Reads a date in the proleptic Gregorian calendar, years 0000 to 9999, by arithmetic alone (`Date.UTC` would
 * take years 0 to 99 for 1900 to 1999). Undefined when the text is not written as a date at all.
 */
export function readDay(text: string): DayReading | undefined {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(text.trim());
  if (!match) return undefined;
  const [, yyyy, mm, dd = '01'] = match;
  const [year, month, day] = [Number(yyyy), Number(mm), Number(dd)];
  if (month < 1 || month > 12) return { why: 'months run from 01 to 12' };
  if (day < 1) return { why: 'the days of a month run from 01' };
  const length = monthLength(year, month);
  if (day > length) return { why: `${MONTHS[month - 1]} ${yyyy} has ${length} days` };
  return { day: `${yyyy}-${mm}-${dd}` };
}

/** `YYYY-MM-DD`, or `YYYY-MM` meaning the first of the month, as `YYYY-MM-DD`; undefined when it is no real day. */
export function parseDay(text: string): string | undefined {
  return readDay(text)?.day;
}

/** Whether an answer can have been checked on a day by `today`: a real day, and not a later one. */
export function checkedBy(day: string | undefined, today: string): day is string {
  return day !== undefined && day <= today;
}

function monthLength(year: number, month: number): number {
  if (month !== 2) return [4, 6, 9, 11].includes(month) ? 30 : 31;
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
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
  return days <= 0 ? 'today' : dayCount(days);
}

/** A number of days in words: "1 day", "0 days", "90 days". */
export function dayCount(days: number): string {
  return days === 1 ? '1 day' : `${days} days`;
}
