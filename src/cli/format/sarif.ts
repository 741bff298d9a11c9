// `okr lint --format sarif`: SARIF 2.1.0, the format GitHub code scanning reads
// (upload it with github/codeql-action/upload-sarif). Every rule of the registry
// is listed so `ruleIndex` is stable; paths are relative to the current folder
// (normally the repository root) with forward slashes.

import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { docsPath } from '../../core/lint';
import type { Severity } from '../../core/model';
import type { AnyRule } from '../../core/rule';
import { placeRelated, regionOf, type LintReport } from './report';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SRCROOT = '%SRCROOT%';

export type SarifLevel = 'error' | 'warning' | 'note';

export function sarifLevel(severity: Severity): SarifLevel {
  return severity === 'info' ? 'note' : severity;
}

/** A relative path as a URI reference: forward slashes, each segment percent-encoded. */
export function sarifUri(cwd: string, absolutePath: string): string {
  const relative = path.relative(cwd, absolutePath);
  return relative
    .split(path.sep)
    .map((segment) => (segment === '..' ? segment : encodeURIComponent(segment)))
    .join('/');
}

export interface SarifOptions {
  toolName: string;
  version: string;
  informationUri?: string;
  /** Where docs/rules/<id>.md can be browsed; helpUri is relative (the docs path) without it. */
  docsBaseUri?: string;
  rules: readonly AnyRule[];
}

export function sarifLog(report: LintReport, options: SarifOptions): Record<string, unknown> {
  const ruleIndex = new Map(options.rules.map((r, i) => [r.id, i]));
  const location = (absolutePath: string, region: ReturnType<typeof regionOf>) => ({
    physicalLocation: {
      artifactLocation: { uri: sarifUri(report.cwd, absolutePath), uriBaseId: SRCROOT },
      region: { startLine: region.line, startColumn: region.column, endLine: region.endLine, endColumn: region.endColumn },
    },
  });
  const results = report.files.flatMap((file) =>
    file.findings.map((f) => {
      const related = (f.related ?? []).flatMap((rel, i) => {
        const placed = placeRelated(report, rel);
        return placed ? [{ id: i, ...location(placed.file.path, placed.region), message: { text: rel.message } }] : [];
      });
      const index = ruleIndex.get(f.ruleId);
      return {
        ruleId: f.ruleId,
        ...(index === undefined ? {} : { ruleIndex: index }),
        level: sarifLevel(f.severity),
        message: { text: f.message },
        locations: [location(file.path, regionOf(file.lines, f.span))],
        ...(related.length ? { relatedLocations: related } : {}),
      };
    }),
  );
  const cwdUri = pathToFileURL(report.cwd).href;
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: options.toolName,
            version: options.version,
            ...(options.informationUri ? { informationUri: options.informationUri } : {}),
            rules: options.rules.map((r) => ({
              id: r.id,
              shortDescription: { text: r.description },
              helpUri: options.docsBaseUri ? new URL(docsPath(r.id), options.docsBaseUri).href : docsPath(r.id),
              defaultConfiguration: { level: sarifLevel(r.defaultSeverity) },
            })),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: cwdUri.endsWith('/') ? cwdUri : `${cwdUri}/` } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

export function formatSarif(report: LintReport, options: SarifOptions): string {
  return `${JSON.stringify(sarifLog(report, options), null, 2)}\n`;
}
