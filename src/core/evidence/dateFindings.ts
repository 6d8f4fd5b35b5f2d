import { finding, type Finding } from '../notes/findings';
import { REVIEWED_FORMAT } from '../notes/frontMatter';
import type { ParsedNote } from '../notes/noteParser';
import { checkedBy, readDay, type DayReading } from '../dates';

/**
 * `invalid-date` on each date line (`As of …`), and on `reviewed:`, whose date names no day or a day after
 * `today`: such a date dates nothing (see sectionAsOf), so an answer is never fresh by a date that cannot be.
 * `unread-date` on a date line whose date is not written in a form that is read: it dates nothing either.
 */
export function dateFindings(note: ParsedNote, today: string): Finding[] {
  const findings: Finding[] = [];
  const reviewed = note.frontMatter?.reviewed;
  if (reviewed && reviewed.value !== '') {
    const reading = readDay(reviewed.value);
    const message = reading ? dateProblem(reviewed.value, reading, today) : REVIEWED_FORMAT;
    if (message) findings.push(finding('invalid-date', message, reviewed.valueRange, {}));
  }
  for (const heading of note.headings) {
    for (const marker of heading.own.markers) {
      if (marker.unread) {
        findings.push(finding('unread-date', unreadMessage(marker.written), marker.range, {}));
        continue;
      }
      const message = dateProblem(marker.written, marker, today);
      if (message) findings.push(finding('invalid-date', message, marker.range, {}));
    }
  }
  return findings;
}

/** Why a date as written dates nothing on `today`; undefined when it dates its answer. */
function dateProblem(written: string, reading: DayReading, today: string): string | undefined {
  if (reading.why !== undefined) return `${written} is not a day: ${reading.why}.`;
  if (!checkedBy(reading.day, today)) return `${written} is later than today (${today}): an answer cannot be checked in the future.`;
  return undefined;
}

/** Why a date line's date dates nothing, with the forms that are read. */
function unreadMessage(written: string): string {
  const what =
    written === ''
      ? 'This date line has no date'
      : `"${written.length > 40 ? `${written.slice(0, 39)}…` : written}" is not a date that is read`;
  return `${what}, so it dates nothing: write it as 2025-03-05, 2025-03, 5 March 2025, March 5, 2025 or March 2025.`;
}
