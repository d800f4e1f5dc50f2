import { readFile } from 'node:fs/promises'
import { expect, test, type Page } from '@playwright/test'
import JSZip from 'jszip'
import { createProfile, expectNoAxeViolations, loadDemoCaseload, openSelect } from './helpers'

async function pickLastFullQuarter(page: Page): Promise<string> {
  await openSelect(page, 'Period')
  // Options are newest first: the second is the last complete quarter.
  const option = page.getByRole('option', { name: /^Q\d \d{4}\/\d{2} \(/ }).nth(1)
  const label = (await option.textContent())!.trim()
  await option.click()
  await page.getByRole('button', { name: 'Show report' }).click()
  await expect(page.getByRole('heading', { level: 2, name: label })).toBeVisible()
  return label
}

test('a manager reads NM01 for a quarter, sees a chart with its table, and exports the table as CSV', async ({ page }) => {
  await createProfile(page, 'Mo Manager', 'Manager')
  await loadDemoCaseload(page, 300)
  await page.getByRole('link', { name: 'Reports' }).click()
  await expect(page.getByRole('heading', { name: 'Reports', level: 1 })).toBeVisible()
  const quarter = await pickLastFullQuarter(page)

  // NM01(1): the figure, the numbers it came from and the counting rule, side by side.
  const nm01 = page.getByTestId('figure-nm01-1')
  await expect(nm01).toContainText('NM01(1) ASB cases per 1,000 homes')
  await expect(nm01).toContainText('counted once when opened')
  const basis = (await nm01.locator('p', { hasText: 'Worked out from:' }).textContent())!
  const [, cases, homes] = basis.match(/([\d,]+) cases ÷ ([\d,]+) homes owned/)!
  expect(homes).toBe('12,500') // the default in Settings → Organisation
  const expected = Math.round((Number(cases.replace(/,/g, '')) / 12500) * 1000 * 100) / 100
  expect(Number(cases.replace(/,/g, ''))).toBeGreaterThan(0)
  await expect(nm01.locator('.text-h5')).toHaveText(String(expected))

  // A chart has a written description and the same numbers as a table.
  const chart = page.getByTestId('chart-opened-closed-by-category')
  await expect(chart).toHaveAttribute('aria-label', /Cases opened and closed, by category\. Bar chart of the \d+ categor/)
  const figure = page.getByRole('figure', { name: 'Cases opened and closed, by category' })
  await figure.getByRole('button', { name: 'Show as a table' }).click()
  const table = figure.getByRole('table', { name: 'Cases opened and closed, by category' })
  await expect(table).toBeVisible()
  const onScreen = await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => Array.from(r.children).map((c) => c.textContent!.trim())))
  expect(onScreen.length).toBeGreaterThan(0)
  const totalOpened = onScreen.reduce((sum, r) => sum + Number(r[2]), 0)
  expect(totalOpened).toBeGreaterThanOrEqual(Number(cases)) // routed-away reports are in the table, not in NM01

  const downloadPromise = page.waitForEvent('download')
  await figure.getByRole('button', { name: 'Export Cases opened and closed, by category as CSV' }).click()
  const download = await downloadPromise
  expect(download.suggestedFilename()).toMatch(/^opened-closed-by-category-q\d-\d{4}-\d{2}\.csv$/)
  const csv = (await readFile((await download.path())!, 'utf8')).replace(/^\ufeff/, '')
  const lines = csv.trim().split('\r\n')
  expect(lines[0]).toContain(`Cases opened and closed, by category — ${quarter} — the whole organisation`)
  expect(lines[1]).toBe('Category,Route,Opened,Closed')
  const fromCsv = lines.slice(2, 2 + onScreen.length).map((l) => l.match(/("([^"]|"")*"|[^,]*)/g)!.filter((_, i) => i % 2 === 0).map((c) => c.replace(/^"|"$/g, '').replace(/""/g, '"')))
  expect(fromCsv).toEqual(onScreen)
  await expect(page.getByTestId('report-status')).toHaveText(/Saved opened-closed-by-category-q\d/)

  await expectNoAxeViolations(page, 'reports with a table shown')

  // The Word report for the board carries the same NM01 figure, read back from the .docx.
  const wordPromise = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export board report (Word)' }).click()
  const word = await wordPromise
  expect(word.suggestedFilename()).toMatch(/^asb-board-report-q\d-\d{4}-\d{2}\.docx$/)
  const zip = await JSZip.loadAsync(await readFile((await word.path())!))
  const xml = await zip.file('word/document.xml')!.async('string')
  const text = (xml.match(/<w:t(?:\s[^>]*)?>[^<]*<\/w:t>/g) ?? []).map((t) => t.replace(/<[^>]+>/g, '')).join(' ')
  expect(text).toContain(`Anti-social behaviour performance report: ${quarter}`)
  expect(text).toContain('NM01(1) ASB cases per 1,000 homes')
  expect(text).toContain(String(expected))
  await expect(page.getByTestId('report-status')).toHaveText(/added it to the documents register/)

  // Equality trends appear only when asked for; the demo records no characteristics, so no rows.
  await page.getByRole('button', { name: 'Show equality trends' }).click()
  await expect(page.getByRole('table', { name: 'Victims and reporters by protected characteristic' })).toContainText('Nothing to report for this period.')
})

test('a manager draws a quality sample and scores a case with the keyboard', async ({ page }) => {
  await createProfile(page, 'Ada Admin', 'Case officer')
  await loadDemoCaseload(page, 120)
  await createProfile(page, 'Mo Manager', 'Manager')
  await page.getByRole('link', { name: 'Reports' }).click()
  await page.getByRole('tab', { name: 'Quality sampling' }).click()
  await page.getByLabel('Closed from').fill('2024-01-01')
  await page.getByLabel('Closed to').fill('2026-12-31')
  await page.getByLabel('Number of cases').fill('0')
  await page.getByRole('button', { name: 'Draw sample' }).click()
  await expect(page.getByText('must be at least 1', { exact: true })).toBeVisible()
  await page.getByLabel('Number of cases').fill('3')
  await page.getByRole('button', { name: 'Draw sample' }).click()
  await expect(page.getByText(/Drew 3 closed cases to check: ASB-/)).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Cases to check (3)' })).toBeVisible()
  await expectNoAxeViolations(page, 'quality sampling')

  const first = page.getByRole('listitem').filter({ has: page.getByRole('button', { name: /^Save check of ASB-/ }) }).first()
  const ref = (await first.getByRole('link', { name: /^ASB-/ }).textContent())!.trim()
  // Keyboard only: focus the first answer of the first item, choose "met" with the arrow keys, save.
  const group = first.getByRole('group', { name: 'Action plan agreed with the reporter' })
  await group.getByRole('radio', { name: 'met', exact: true }).focus()
  await page.keyboard.press('Space')
  await expect(group.getByRole('radio', { name: 'met', exact: true })).toBeChecked()
  await first.getByRole('button', { name: `Save check of ${ref}` }).focus()
  await page.keyboard.press('Enter')
  await expect(page.getByText(new RegExp(`Saved the check of ${ref}: \\d+(\\.\\d)?%`))).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Cases to check (2)' })).toBeVisible()
  await page.getByRole('button', { name: 'Show as a table' }).click()
  await expect(page.getByRole('table', { name: 'Quality sampling scores' }).locator('tbody tr')).toHaveCount(1)
})
