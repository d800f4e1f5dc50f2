import { buildLetter, letterText, type LetterBlock, type LetterInput, type LetterOfficer } from './letterEngine'
import { figureText, type KpiReport } from '@/domain/kpis/report'
import type { KpiTable } from '@/domain/kpis/rows'
import { formatAddress } from '@/domain/people'
import type { OrganisationSettings } from '@/domain/settings/organisation'

/** Template version stored with the board report in the documents register. */
export const BOARD_REPORT_VERSION = 'board-report-1'

export interface BoardReportInput {
  organisation: OrganisationSettings
  /** The manager producing the report. */
  author: LetterOfficer
  report: KpiReport
  /** "Whole organisation" or the officer's name. */
  scopeLabel: string
  /** ISO date the report is produced. */
  date: string
  /** Extra tables shown under the KPIs (equality trends, quality sampling). */
  extraTables?: KpiTable[]
}

function tableBlocks(table: KpiTable): LetterBlock[] {
  const blocks: LetterBlock[] = [
    { type: 'heading', text: table.title, level: 3 },
    table.rows.length === 0
      ? { type: 'paragraph', text: 'Nothing to report for this period.' }
      : { type: 'table', header: table.columns, rows: table.rows.map((r) => r.map(String)) },
  ]
  if (table.note) blocks.push({ type: 'paragraph', text: table.note })
  return blocks
}

/**
 * The quarterly ASB performance report for the board (POLICY-RULES §9): the TSM measures and
 * KPIs, each with the numbers it was worked out from and its counting rule, then every table on
 * the Reports screen. Built with the shared letter engine (letterhead, date, page numbers).
 */
export function boardReportInput(input: BoardReportInput): LetterInput {
  const { report, organisation } = input
  const blocks: LetterBlock[] = [
    { type: 'paragraph', text: `This report covers ${report.scope.period.label} for ${input.scopeLabel}. Every figure shows the numbers it was worked out from and the rule used to count it, so it can be checked by hand.` },
    { type: 'heading', text: 'Key measures' },
    {
      type: 'table',
      header: ['Measure', 'Result', 'Counted', 'Out of', 'How it is counted'],
      rows: report.headline.map((f) => [f.title, figureText(f), f.numerator.toLocaleString('en-GB'), f.denominator.toLocaleString('en-GB'), f.rule]),
    },
    { type: 'heading', text: 'Detail' },
    ...report.tables.flatMap(tableBlocks),
    ...(input.extraTables ?? []).flatMap(tableBlocks),
    { type: 'paragraph', text: `Counting rules version ${report.rulesVersion}. Produced by ${input.author.name}.` },
  ]
  return {
    organisation,
    officer: input.author,
    recipient: { name: `The Board, ${organisation.name}`, addressLines: formatAddress(organisation.address) },
    caseRef: `ASB performance ${report.scope.period.label.replace(/ \(.*\)$/, '')}`,
    date: input.date,
    title: `Anti-social behaviour performance report: ${report.scope.period.label}`,
    blocks,
    greeting: false,
    documentTitle: `ASB performance report ${report.scope.period.label}`,
  }
}

export async function buildBoardReport(input: BoardReportInput): Promise<Uint8Array> {
  return buildLetter(boardReportInput(input))
}

export function boardReportText(input: BoardReportInput): string {
  return letterText(boardReportInput(input)).paragraphs.map((p) => p.text).join('\n')
}
