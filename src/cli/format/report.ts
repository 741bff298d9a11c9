// What the `okr lint` formatters receive: the linted files with their findings
// (already filtered by --quiet), and how to turn offsets into 1-based positions.

import * as path from 'node:path';
import type { Finding, RelatedLocation, Span } from '../../core/model';
import type { LineIndex } from '../../core/positions';

export interface ReportFile {
  /** Absolute path. */
  path: string;
  /** Relative to the current folder, as the user typed it. */
  displayPath: string;
  lines: LineIndex;
  findings: Finding[];
}

export interface LintReport {
  cwd: string;
  files: ReportFile[];
}

/** 1-based, columns in UTF-16 code units as VS Code counts them; the end is exclusive. */
export interface Region {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export function regionOf(lines: LineIndex, span: Span): Region {
  const start = lines.positionAt(span.start);
  const end = lines.positionAt(Math.max(span.start, span.end));
  return { line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}

export interface Counts {
  errors: number;
  warnings: number;
  infos: number;
}

export function countFindings(findings: readonly Finding[]): Counts {
  const counts: Counts = { errors: 0, warnings: 0, infos: 0 };
  for (const f of findings) {
    if (f.severity === 'error') counts.errors++;
    else if (f.severity === 'warning') counts.warnings++;
    else counts.infos++;
  }
  return counts;
}

export function totalCounts(report: LintReport): Counts {
  return countFindings(report.files.flatMap((f) => f.findings));
}

/** A related location with its position, when its file is one of the report's (else it cannot be placed). */
export function placeRelated(report: LintReport, related: RelatedLocation): { file: ReportFile; region: Region } | undefined {
  const file = fileNamed(report, related.path);
  return file ? { file, region: regionOf(file.lines, related.span) } : undefined;
}

/** Per report, the file each related path names (or null): many findings point at the same few files, and `path.resolve` is not free. */
const FILE_NAMED = new WeakMap<LintReport, Map<string, ReportFile | null>>();

function fileNamed(report: LintReport, relatedPath: string): ReportFile | undefined {
  let named = FILE_NAMED.get(report);
  if (!named) FILE_NAMED.set(report, (named = new Map<string, ReportFile | null>()));
  let file = named.get(relatedPath);
  if (file === undefined) {
    file = filesByPath(report).get(path.resolve(report.cwd, relatedPath)) ?? filesByPath(report).get(relatedPath) ?? null;
    named.set(relatedPath, file);
  }
  return file ?? undefined;
}

/** A report's files by absolute and by display path, built once per report: a search per related location is quadratic. */
const FILES_BY_PATH = new WeakMap<LintReport, Map<string, ReportFile>>();

function filesByPath(report: LintReport): Map<string, ReportFile> {
  let byPath = FILES_BY_PATH.get(report);
  if (!byPath) {
    byPath = new Map();
    // Display paths first, so an absolute path wins where both name a file (as `find` over `path ||` did).
    for (const f of [...report.files].reverse()) byPath.set(f.displayPath, f);
    for (const f of [...report.files].reverse()) byPath.set(f.path, f);
    FILES_BY_PATH.set(report, byPath);
  }
  return byPath;
}
