import { readFile } from 'node:fs/promises'
import { createHash } from 'node:crypto'
import JSZip from 'jszip'
import { expect, test, type Download, type Page } from '@playwright/test'
import AxeBuilder from '@axe-core/playwright'
import { addDays } from 'date-fns'
import { createProfile, expectNoAxeViolations, logReport, openCaseTab, press, typeDateTime, typeInto } from './helpers'

/**
 * The case both letter tests start from, logged on the real screens by keyboard: a reporter who
 * wants their identity kept from the alleged perpetrator, an alleged perpetrator with a home
 * address (a letter needs one), the first incident from the report and a second one added on the
 * Incidents tab. Returns the new case's id.
 */
async function logCaseWithConfidentialReporter(page: Page): Promise<string> {
  const caseId = await logReport(page, {
    category: 'Persistent noise',
    reporter: { firstName: 'Maya', surname: 'Okonjo', flat: 'Flat 3', line1: '12 Kingfisher Way', town: 'Bristol', postcode: 'BS5 6XY' },
    identityConfidential: true,
    perpetrator: { firstName: 'Dean', surname: 'Harlow', flat: 'Flat 7', line1: '14 Kingfisher Way', town: 'Bristol', postcode: 'BS5 6XZ' },
    occurredAt: atTime(addDays(new Date(), -2), 23, 40),
    location: 'Flat 7, 14 Kingfisher Way',
    description: 'Very loud music from Flat 7 until 2am.',
  })
  await expect(page.getByText('Reporter identity confidential')).toBeVisible()

  await openCaseTab(page, caseId, 'Incidents')
  await press(page.getByRole('button', { name: 'Add an incident' }))
  const incident = page.getByRole('form', { name: 'New incident' })
  await typeDateTime(incident.getByLabel('When it happened'), atTime(addDays(new Date(), -1), 8, 15))
  await typeInto(incident.getByLabel('Where it happened'), 'Shared landing')
  await typeInto(incident.getByLabel('What happened'), 'Door slammed repeatedly and shouting.')
  await press(incident.getByRole('button', { name: 'Save incident' }))
  await expect(page.getByText('Incident added.')).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Incidents (2)' })).toBeVisible()
  return caseId
}

function atTime(day: Date, hours: number, minutes: number): Date {
  const when = new Date(day)
  when.setHours(hours, minutes, 0, 0)
  return when
}

async function sha256Of(download: Download): Promise<string> {
  return createHash('sha256').update(await readFile((await download.path())!)).digest('hex')
}

test('an officer writes a warning letter, is blocked from naming the confidential reporter, saves it and finds it in the register', async ({ page }) => {
  await createProfile(page, 'Jo Smith')
  const caseId = await logCaseWithConfidentialReporter(page)

  await page.goto(`./#/cases/${caseId}`)
  await page.getByRole('tab', { name: 'Documents' }).click()
  await page.getByRole('button', { name: 'New letter' }).click()

  const composer = page.getByRole('region', { name: 'New letter' })
  await expect(composer.getByRole('radio', { name: 'Warning letter (adult)' })).toBeChecked()

  // Nothing chosen yet: the officer is told exactly what is missing, and saving is refused.
  await expect(composer.getByText('This letter cannot be produced yet')).toBeVisible()
  await expect(composer.getByText('incidents: choose at least one incident from the incident log')).toBeVisible()
  await composer.getByRole('button', { name: 'Save and download' }).click()
  await expect(composer.getByRole('alert').filter({ hasText: 'Not saved: choose at least one incident' })).toBeVisible()

  // Choose an incident: the preview and the plain-English score appear.
  await composer.getByRole('group', { name: 'Incidents to include' }).getByRole('checkbox').first().check()
  await expect(composer.getByText('This letter cannot be produced yet')).toHaveCount(0)
  await expect(composer.getByTestId('readability')).toContainText(/Reading ease \d+(\.\d)? \(.+\) (meets|is below) the target of 60/)
  await expect(composer.getByRole('region', { name: 'Letter preview' })).toContainText('Warning about behaviour at your home')

  // Who reported it (from the recipient list): their name must never reach the perpetrator.
  await composer.getByRole('combobox', { name: 'Recipient' }).focus()
  await page.keyboard.press('Enter')
  const reporterOption = page.getByRole('option', { name: /\(reporter\)$/ })
  const reporterName = (await reporterOption.innerText()).replace(/\s*\(reporter\)\s*$/, '').trim()
  await page.keyboard.press('Escape')
  expect(reporterName.length).toBeGreaterThan(3)

  const note = composer.getByRole('textbox', { name: 'Anything else (optional)' })
  await note.fill(`${reporterName} has kept a diary of the noise.`)
  const blocked = composer.getByText('Confidential details found — this letter is blocked')
  await expect(blocked).toBeVisible()
  await expect(composer.getByText(new RegExp(`Paragraph \\d+ contains the name of ${reporterName} \\(reporter, identity confidential\\)`)).first()).toBeVisible()
  await composer.getByRole('button', { name: 'Save and download' }).click()
  await expect(composer.getByRole('alert').filter({ hasText: 'Not saved: this letter would identify a confidential party' })).toBeVisible()
  await expectNoAxeViolations(page, 'letter review with a confidentiality block')

  // Remove it and save: the letter downloads and goes into the case's register.
  await note.fill('Please call me if you want to talk about this letter.')
  await expect(blocked).toHaveCount(0)
  const downloading = page.waitForEvent('download')
  await composer.getByRole('button', { name: 'Save and download' }).click()
  const first = await downloading
  expect(first.suggestedFilename()).toMatch(/^ASB-\d{4}-\d{5} Warning letter \(adult\) .+ \d{4}-\d{2}-\d{2}\.docx$/)
  await expect(page.getByRole('status').filter({ hasText: /^Saved to the register: Warning letter to / })).toBeVisible()
  const caseRow = page.getByRole('row').filter({ hasText: 'Warning letter (adult)' })
  await expect(caseRow).toHaveCount(1)
  await expect(caseRow).toContainText('Not recorded')

  // The whole-caseload register lists it; filtered by kind; downloading again gives the same bytes.
  await page.getByRole('link', { name: 'Documents' }).click()
  await page.getByRole('combobox', { name: 'Kind' }).focus()
  await page.keyboard.press('Enter')
  await page.getByRole('option', { name: 'Warning letter (adult)' }).click()
  await page.getByRole('button', { name: 'Show' }).click()
  await expect(page.getByRole('status').filter({ hasText: /^1 document$/ })).toBeVisible()
  const row = page.getByRole('row').filter({ hasText: 'Warning letter (adult)' })
  const firstHash = await sha256Of(first)
  await expect(row.locator('code')).toHaveAttribute('title', firstHash)
  const again = page.waitForEvent('download')
  await row.getByRole('button', { name: /^Download Warning letter to .+ again$/ }).click()
  expect(await sha256Of(await again)).toBe(firstHash)
  await expectNoAxeViolations(page, 'documents register')

  // Recording service, keyboard only.
  await row.getByRole('button', { name: /^Record service of / }).focus()
  await page.keyboard.press('Enter')
  const method = page.getByRole('combobox', { name: 'How it was served' })
  await method.focus()
  await page.keyboard.press('Enter')
  await page.getByRole('option', { name: 'first-class post' }).press('Enter')
  await page.getByRole('button', { name: 'Save service' }).focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('status').filter({ hasText: /^Recorded: Warning letter to .+ served by first-class post on / })).toBeVisible()
  await expect(row).toContainText('by first-class post')
})

test('an officer drafts an Acceptable Behaviour Agreement with the keyboard; without terms it is refused; the saved .docx has the terms and review date', async ({ page }) => {
  await createProfile(page, 'Jo Smith')
  const caseId = await logCaseWithConfidentialReporter(page)
  await page.goto(`./#/cases/${caseId}`)
  await page.getByRole('tab', { name: 'Documents' }).click()
  await page.getByRole('button', { name: 'New letter' }).focus()
  await page.keyboard.press('Enter')
  const composer = page.getByRole('region', { name: 'New letter' })
  const aba = composer.getByRole('radio', { name: 'Acceptable Behaviour Agreement' })
  await aba.focus()
  await page.keyboard.press('Space')
  await expect(aba).toBeChecked()

  await expect(composer.getByText('terms: add at least one term ("I will …" or "I will not …")')).toBeVisible()
  await composer.getByRole('button', { name: 'Save and download' }).click()
  await expect(composer.getByRole('alert').filter({ hasText: 'Not saved: add at least one term' })).toBeVisible()

  const term = composer.getByRole('checkbox', { name: 'I will not shout, swear at or threaten anyone.' })
  await term.focus()
  await page.keyboard.press('Space')
  await composer.getByRole('textbox', { name: 'Other things they agree to do (one per line)' }).fill('keep my music down after 10pm')
  const preview = composer.getByRole('region', { name: 'Letter preview' })
  await expect(preview).toContainText('I will keep my music down after 10pm.')
  await expect(preview).toContainText('it is not legally binding')
  await expect(composer.getByTestId('readability')).toContainText('Reading ease')
  await expectNoAxeViolations(page, 'ABA review')

  const downloading = page.waitForEvent('download')
  await composer.getByRole('button', { name: 'Save and download' }).focus()
  await page.keyboard.press('Enter')
  const download = await downloading
  const zip = await JSZip.loadAsync(await readFile((await download.path())!))
  const xml = await zip.file('word/document.xml')!.async('string')
  const text = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(' ')
  expect(text).toContain('I will not shout, swear at or threaten anyone.')
  expect(text).toContain('I will keep my music down after 10pm.')
  expect(text).toMatch(/We will meet to review it on \d{1,2} [A-Z][a-z]+ \d{4}\./)
  await expect(page.getByRole('row').filter({ hasText: 'Acceptable Behaviour Agreement' })).toHaveCount(1)
})

test('a date filter with "from" after "to" is refused on the field', async ({ page }) => {
  await createProfile(page, 'Jo Smith')
  await page.getByRole('link', { name: 'Documents' }).click()
  await page.getByLabel('Created from').fill('2026-12-01')
  await page.getByLabel('Created to').fill('2026-11-01')
  await page.getByRole('button', { name: 'Show' }).click()
  await expect(page.getByText('"From" must be on or before "to".')).toBeVisible()
})

test('Settings › Letters refuses large print under 16 pt on the field and saves a valid change', async ({ page }) => {
  await createProfile(page, 'Jo Smith')
  await page.getByRole('link', { name: 'Settings' }).click()
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible()
  const section = page.locator('section[aria-labelledby="letters-heading"]')
  const size = section.getByRole('spinbutton', { name: 'Large print size (pt)' })
  await expect(size).toHaveValue('16')
  await size.fill('12')
  await section.getByRole('button', { name: 'Save letter settings' }).click()
  await expect(section.getByText('must be at least 16 pt', { exact: true })).toBeVisible()
  await expect(section.getByRole('alert').filter({ hasText: 'Letters settings was not saved' })).toContainText('largePrintPt — must be at least 16 pt')
  await size.fill('18')
  await section.getByRole('spinbutton', { name: 'Reading ease target (Flesch)' }).fill('65')
  await section.getByRole('button', { name: 'Save letter settings' }).click()
  await expect(section.getByRole('status')).toHaveText('Letter settings saved.')
  // Leave and come back: the section reads its values from the database again.
  await page.getByRole('link', { name: 'Documents' }).click()
  await expect(page.getByRole('heading', { name: 'Documents', level: 1 })).toBeVisible()
  await page.getByRole('link', { name: 'Settings' }).click()
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible()
  await expect(page.locator('section[aria-labelledby="letters-heading"]').getByRole('spinbutton', { name: 'Large print size (pt)' })).toHaveValue('18')
  // This section's own accessibility (the rest of Settings belongs to other features' specs).
  const results = await new AxeBuilder({ page }).include('section[aria-labelledby="letters-heading"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([])
})
