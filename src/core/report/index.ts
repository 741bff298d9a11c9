// A progress report in one of its formats: the CLI's `okr report` and the editor's
// Export Report write the same bytes for the same input.

import type { ReportData } from './data';
import { renderHtml } from './html';
import { renderMarkdown } from './markdown';

export const REPORT_FORMATS = ['md', 'html', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The file name extension of each format. */
export const REPORT_EXTENSIONS: Record<ReportFormat, string> = { md: 'md', html: 'html', json: 'json' };

export function renderReport(report: ReportData, format: ReportFormat): string {
  switch (format) {
    case 'md':
      return renderMarkdown(report);
    case 'html':
      return renderHtml(report);
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
  }
}

export { buildReport, type ReportData, type ReportInput, type ReportRepository } from './data';
