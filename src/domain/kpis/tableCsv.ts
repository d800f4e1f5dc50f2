import Papa from 'papaparse'
import type { KpiTable } from './rows'

/**
 * A report table as CSV for Excel: UTF-8 with a byte-order mark (so "—" and "£" survive), CRLF
 * line ends, and text cells that start with = + - @ prefixed with an apostrophe so a category
 * name can never run as a formula in the manager's spreadsheet (CSV injection, OWASP).
 */
export function tableCsv(table: KpiTable, caption?: string): string {
  const safe = (cell: string | number) => (typeof cell === 'string' && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell)
  const body = Papa.unparse({ fields: table.columns.map(String), data: table.rows.map((r) => r.map(safe)) }, { newline: '\r\n' })
  const lines = [caption ? Papa.unparse([[caption]], { newline: '\r\n' }) : '', body, table.note ? Papa.unparse([[table.note]], { newline: '\r\n' }) : ''].filter(Boolean)
  return `\ufeff${lines.join('\r\n')}\r\n`
}

/** A file name from a table title and period: letters, digits and hyphens only. */
export function csvFileName(table: Pick<KpiTable, 'id'>, periodLabel: string): string {
  const slug = (s: string) => s.toLowerCase().replace(/\(.*\)/, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')
  return `${slug(table.id)}-${slug(periodLabel)}.csv`
}
