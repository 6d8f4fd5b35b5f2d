import { productsWithoutNotes } from '../core/notes/coverageFindings';
import type { AsOfSource } from '../core/notes/asOfMarker';
import { boundByOf } from '../core/brief/scopeFacts';
import type { BoundBy } from '../core/notes/productMatcher';
import { scopeSeverity, type Finding, type Severity } from '../core/notes/findings';
import type { CoverageSummary, NoteIndex } from '../core/index/noteIndex';
import { plainLines } from '../core/printable';
import { categoryOf, subjectOf, type ScopeProblem } from '../core/scope/scopeModel';
import type { Comparison } from '../core/scoring/comparison';
import { comparisonsWithSubject, productScore } from '../core/scoring/productScores';
import { scoringOf } from '../core/scope/scale';
import type { WeightedScore } from '../core/scoring/weightedScore';

/** A finding as the command line prints it: file relative to the checked folder, 1-based line and column. */
export interface ReportFinding {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly severity: Severity;
  readonly code: string;
  readonly message: string;
  /** On `unlinked-note`: the closest products, and the file names that would link the note to each. */
  readonly suggestions?: readonly { readonly category: string; readonly product: string; readonly fileNames: readonly string[] }[];
}

/** Which notes were read: the scope's glob, the folder it was resolved against, and how many files it matched. */
export interface NotesRead {
  readonly glob: string;
  readonly folder: string;
  readonly files: number;
}

/** One axis of one product in the JSON report: its status, where it is answered, what it rests on and how old it is. */
export interface ReportAxis {
  readonly axis: string;
  readonly status: string;
  readonly file: string | null;
  readonly line: number | null;
  readonly score: number | null;
  /** Against the subject's score on the axis; null unless both are scored. */
  readonly vsSubject: Comparison | null;
  /** How many distinct http(s) URLs the answer cites. */
  readonly sources: number;
  readonly asOf: string | null;
  readonly asOfFrom: AsOfSource | null;
  readonly stale: boolean;
}

/** The `check --format json` document. */
export interface CheckReport {
  readonly scope: string;
  /** Present, true, when the built-in example scope was read (`--scope builtin`). */
  readonly builtinScope?: true;
  readonly notes: NotesRead | null;
  readonly products: readonly {
    readonly category: string;
    readonly product: string;
    readonly notes: readonly string[];
    /** Which rule bound each note to the product: `front-matter`, `file-name` or `heading`, by note. */
    readonly boundBy: Readonly<Record<string, BoundBy>>;
    /** The weighted score over the scored axes; null when none is scored. */
    readonly score: WeightedScore | null;
    readonly axes: readonly ReportAxis[];
  }[];
  readonly findings: readonly ReportFinding[];
  readonly summary: CoverageSummary;
  /** The scope's subject: its notes are checked, but its axes are not in the summary's counts. */
  readonly subject?: string;
}

/** Axes that count against --max-missing. */
export function unanswered(summary: CoverageSummary): number {
  return summary.missing + summary.empty + summary.placeholder;
}

/**
 * The report of a checked workspace; `file` turns a note's path (relative to the scope's folder) into the one printed.
 * Without `withProducts`, its products are left empty: the text and GitHub formats print the findings and the summary only.
 */
export function buildReport(
  scope: string,
  notes: NotesRead,
  index: NoteIndex,
  file: (notePath: string) => string,
  withProducts = true,
): CheckReport {
  const subjectId = subjectOf(index.scope)?.id;
  const { scale } = scoringOf(index.scope);
  const products = (withProducts ? index.coverage() : []).map((p) => {
    const category = categoryOf(index.scope, p.categoryId);
    const subject =
      subjectId && subjectId !== p.productId ? index.productCoverage({ categoryId: p.categoryId, productId: subjectId }) : undefined;
    const vs = comparisonsWithSubject(p, subject);
    return {
      category: p.categoryId,
      product: p.productId,
      notes: p.notes.map(file),
      boundBy: boundByOf(index, p.notes, file),
      score: category ? productScore(category, p, scale) : null,
      axes: p.axes.map((a): ReportAxis => ({
        axis: a.axisId,
        status: a.status,
        file: a.file === null ? null : file(a.file),
        line: a.line === null ? null : a.line + 1,
        score: a.score,
        vsSubject: vs.get(a.axisId) ?? null,
        sources: a.evidence?.sources.length ?? 0,
        asOf: a.evidence?.asOf ?? null,
        asOfFrom: a.evidence?.asOfFrom ?? null,
        stale: a.evidence?.stale ?? false,
      })),
    };
  });
  // At the severity the scope file's `severity:` gives its code; none where it says `off`.
  const scoped = (f: Finding): Finding[] => {
    const severity = scopeSeverity(index.scope, f);
    return severity === 'off' ? [] : [{ ...f, severity } as Finding];
  };
  const noteFindings = index
    .paths()
    .sort()
    .flatMap((path) =>
      index
        .findings(path)
        .flatMap(scoped)
        .map((f) => noteFinding(file(path), f)),
    );
  // As the editor shows on the scope file: each product that no note is about yet.
  const noNotes = productsWithoutNotes(index.scope, (target) => index.hasNotes(target))
    .flatMap(scoped)
    .map((f) => reportFinding(scope, f));
  const subject = subjectOf(index.scope)?.name;
  return {
    scope,
    notes,
    products,
    findings: [...noNotes, ...noteFindings],
    summary: index.summary(),
    ...(subject !== undefined ? { subject } : {}),
  };
}

/** The report of a scope file that cannot be used: its problems as findings, nothing checked. */
export function scopeProblemsReport(scope: string, problems: readonly ScopeProblem[]): CheckReport {
  const findings = problems.map((p) =>
    reportFinding(scope, { code: 'invalid-scope', severity: 'error', message: p.message, range: p.range }),
  );
  return {
    scope,
    notes: null,
    products: [],
    findings,
    summary: { products: 0, axes: 0, answered: 0, missing: 0, empty: 0, placeholder: 0, stale: 0, unsourced: 0 },
  };
}

function reportFinding(file: string, f: Pick<Finding, 'code' | 'severity' | 'message' | 'range'>): ReportFinding {
  return {
    file,
    line: f.range.start.line + 1,
    column: f.range.start.character + 1,
    severity: f.severity,
    code: f.code,
    message: f.message,
  };
}

/** A note's finding; an unlinked note's with the products it may be about and the file names that would say so. */
function noteFinding(file: string, f: Finding): ReportFinding {
  if (f.code !== 'unlinked-note') return reportFinding(file, f);
  const suggestions = f.data.suggestions.map((s) => ({ category: s.categoryId, product: s.productId, fileNames: s.fileNames }));
  return { ...reportFinding(file, f), suggestions };
}

export function formatJson(report: CheckReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** What decides `check`'s exit code: at most this many unanswered axes and, when given, stale ones. */
export interface Gate {
  readonly maxMissing: number;
  readonly maxStale?: number;
}

/** `path:line:column: severity code message`, one finding a line (sorted by file and line), then a summary line. */
export function formatText(report: CheckReport, gate: Gate): string {
  const lines = [...report.findings]
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column))
    .map((f) => `${f.file}:${f.line}:${f.column}: ${f.severity} ${f.code} ${f.message}`);
  const notes = report.notes;
  if (notes?.files === 0) lines.push(`warning: the notes glob "${notes.glob}" matches no file under ${notes.folder}`);
  return plainLines([...lines, summaryLine(report, gate)]);
}

/**
 * The last line of the text and GitHub formats: the products' counts, the findings printed by code (they add up to
 * the lines above), what the gate counts (the products' axes, not the subject's), and which notes were read.
 */
export function summaryLine(report: CheckReport, gate: Gate): string {
  const s = report.summary;
  const notes = report.notes;
  if (s.products === 0) return `${counted(report.findings.length, 'finding')}; the scope file ${report.scope} cannot be used.`;
  const read = notes ? `; ${counted(notes.files, 'note')} read by "${notes.glob}" under ${notes.folder}` : '';
  const coverage = `${counted(s.products, 'product')}, ${counted(s.axes, 'axis', 'axes')}: ${s.answered} answered (${s.stale} stale, ${s.unsourced} unsourced), ${s.missing} missing, ${s.empty} empty, ${s.placeholder} placeholder`;
  const limits = [`${unanswered(s)} unanswered (at most ${gate.maxMissing} allowed)`];
  if (gate.maxStale !== undefined) limits.push(`${s.stale} stale (at most ${gate.maxStale} allowed)`);
  const subject = report.subject === undefined ? '' : `, not ${report.subject}'s own`;
  return `${coverage}; ${findingsByCode(report.findings)}; the gate counts the products' axes${subject}: ${limits.join(', ')}${read}.`;
}

/** "9 findings: 4 stale-answer, 3 unsourced-answer, …", most frequent first. */
function findingsByCode(findings: readonly ReportFinding[]): string {
  const byCode = new Map<string, number>();
  for (const f of findings) byCode.set(f.code, (byCode.get(f.code) ?? 0) + 1);
  const codes = [...byCode].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1)).map(([code, count]) => `${count} ${code}`);
  return `${counted(findings.length, 'finding')}${codes.length > 0 ? `: ${codes.join(', ')}` : ''}`;
}

/** "1 note", "2 notes". */
function counted(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
