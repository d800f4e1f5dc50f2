import { expect, test, type Locator, type Page } from '@playwright/test'
import { addDays, format } from 'date-fns'
import { createProfile, expectNoAxeViolations, fillReport, loadDemoCaseload, logReport, typeDateTime } from './helpers'
import bankHolidays from '../../resources/bank-holidays-england-and-wales.json' with { type: 'json' }
import { WorkingCalendar, ukDate } from '../../src/domain/workingDays'


const calendar = new WorkingCalendar(bankHolidays)

/** Presses Tab (forwards) until focus is on, or inside, the target. Keyboard only, like a person. */
async function tabTo(page: Page, target: Locator, max = 120): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement || el.contains(document.activeElement))) return
    await page.keyboard.press('Tab')
  }
  throw new Error(`Could not reach ${target} with the Tab key`)
}

async function typeInto(page: Page, target: Locator, text: string): Promise<void> {
  await tabTo(page, target)
  await page.keyboard.type(text)
}

/** Tabs are one tab stop (roving focus): Tab to the tab list, arrow to the tab, Enter to open it. */
async function openTab(page: Page, name: string): Promise<void> {
  await tabTo(page, page.getByRole('tablist', { name: 'Parts of the case file' }))
  const tab = page.getByRole('tab', { name })
  for (let i = 0; i < 12 && !(await tab.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('ArrowRight')
  await page.keyboard.press('Enter')
  await expect(tab).toHaveAttribute('aria-selected', 'true')
}

/** Scores a 1–5 radio group by keyboard: Space picks 1, each right arrow adds one. */
async function score(page: Page, group: string, value: number): Promise<void> {
  await tabTo(page, page.getByRole('radiogroup', { name: group }))
  await page.keyboard.press('Space')
  for (let i = 1; i < value; i++) await page.keyboard.press('ArrowRight')
}

test('an officer logs a report using only the keyboard, sees band and deadline, adds an incident and a contact, and finds the case by postcode', async ({ page }) => {
  test.setTimeout(120_000)
  await createProfile(page, 'Jo Smith')

  await tabTo(page, page.getByRole('link', { name: 'New report' }))
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: 'New report', level: 1 })).toBeVisible()
  await expectNoAxeViolations(page, 'intake form')

  await typeInto(page, page.getByLabel('How the report came in'), 'telephone')
  await page.keyboard.press('Enter')
  await typeInto(page, page.getByLabel('Report category'), 'Persistent noise')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('triage-route')).toContainText('Route: ASB team')

  await typeInto(page, page.getByLabel('Reporter first name'), 'Maya')
  await typeInto(page, page.getByLabel('Reporter surname'), 'Okonjo')
  await typeInto(page, page.getByLabel('Reporter flat or unit'), 'Flat 3')
  await typeInto(page, page.getByLabel('Reporter address line 1'), '12 Kingfisher Way')
  await typeInto(page, page.getByLabel('Reporter town'), 'Bristol')
  await typeInto(page, page.getByLabel('Reporter postcode'), 'BS5 6XY')
  await tabTo(page, page.getByLabel('large print'))
  await page.keyboard.press('Space')
  await tabTo(page, page.getByLabel('Wants their identity kept from the alleged perpetrator'))
  await page.keyboard.press('Space')

  await score(page, 'Harm caused or threatened', 2)
  await score(page, 'How often it happens', 3)
  await score(page, 'Vulnerability of the victim', 2)
  await score(page, 'Impact on the victim and community', 3)
  await score(page, 'Risk of escalation', 2)

  const yesterday = addDays(new Date(), -1)
  yesterday.setHours(23, 40, 0, 0)
  await tabTo(page, page.getByLabel('When it happened'))
  await typeDateTime(page.getByLabel('When it happened'), yesterday)
  await typeInto(page, page.getByLabel('Where it happened'), 'Flat 7, 14 Kingfisher Way')
  await typeInto(page, page.getByLabel('What happened'), 'Very loud music from Flat 7 until 2am.')

  const today = format(new Date(), 'yyyy-MM-dd')
  const firstContact = calendar.addWorkingDays(today, 3).date
  await expect(page.getByTestId('preview-band')).toContainText('Medium')
  await expect(page.getByText(`First contact due by: ${ukDate(firstContact)}`)).toBeVisible()

  await tabTo(page, page.getByRole('button', { name: 'Save report' }))
  await page.keyboard.press('Enter')

  await expect(page.getByRole('heading', { level: 1, name: /^ASB-\d{4}-\d{5}$/ })).toBeVisible()
  const ref = (await page.getByRole('heading', { level: 1 }).textContent())!.trim()
  await expect(page.getByTestId('case-band')).toHaveText('Medium risk')
  await expect(page.getByTestId('case-deadlines').getByRole('row', { name: /First contact with the reporter/ })).toContainText(ukDate(firstContact))
  await expect(page.getByText('Reporter identity confidential')).toBeVisible()
  await expectNoAxeViolations(page, 'case page')

  // A second incident, by keyboard.
  await openTab(page, 'Incidents')
  await tabTo(page, page.getByRole('button', { name: 'Add an incident' }))
  await page.keyboard.press('Enter')
  const earlier = addDays(new Date(), -1)
  earlier.setHours(8, 15, 0, 0)
  const form = page.getByRole('form', { name: 'New incident' })
  await tabTo(page, form.getByLabel('When it happened'))
  await typeDateTime(form.getByLabel('When it happened'), earlier)
  await typeInto(page, form.getByLabel('Where it happened'), 'Shared landing')
  await typeInto(page, form.getByLabel('What happened'), 'Door slammed repeatedly and shouting.')
  await tabTo(page, form.getByRole('button', { name: 'Save incident' }))
  await page.keyboard.press('Enter')
  await expect(page.getByText('Incident added.')).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Incidents (2)' })).toBeVisible()

  // A contact with the reporter, by keyboard.
  await openTab(page, 'Contacts')
  await tabTo(page, page.getByRole('button', { name: 'Record a contact' }))
  await page.keyboard.press('Enter')
  const contact = page.getByRole('form', { name: 'New contact' })
  await typeInto(page, contact.getByLabel('Contact with'), 'Maya Okonjo')
  await typeInto(page, contact.getByLabel('Method'), 'telep')
  await page.keyboard.press('Enter')
  await typeInto(page, contact.getByLabel('Summary'), 'Agreed to keep diary sheets; explained next steps.')
  await tabTo(page, contact.getByRole('button', { name: 'Save contact' }))
  await page.keyboard.press('Enter')
  await expect(page.getByText('Contact recorded.')).toBeVisible()
  await expect(page.getByRole('heading', { name: /Maya Okonjo by telephone/ })).toBeVisible()

  // Find it again from the caseload by postcode.
  await tabTo(page, page.getByRole('link', { name: 'My caseload' }))
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: 'My caseload', level: 1 })).toBeVisible()
  await typeInto(page, page.getByLabel('Search by reference, name, address or postcode', { exact: true }), 'bs5 6xy')
  await expect(page.getByTestId('case-count')).toHaveText('1 case')
  await expectNoAxeViolations(page, 'caseload')
  await tabTo(page, page.getByRole('link', { name: ref }))
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: ref })).toBeVisible()
})

test('bad input is refused with a message on each field, and nothing is saved', async ({ page }) => {
  await createProfile(page, 'Pat Checks')
  await page.getByRole('link', { name: 'New report' }).click()
  await page.getByLabel('Report category').fill('Persistent noise')
  await page.keyboard.press('Enter')
  const tomorrow = format(addDays(new Date(), 1), "yyyy-MM-dd'T'10:00")
  await page.getByLabel('When it happened').fill(tomorrow)
  await page.getByRole('button', { name: 'Save report' }).click()
  const summary = page.getByRole('alert').filter({ hasText: 'The report was not saved' })
  await expect(summary).toContainText("When it happened: can't be in the future")
  await expect(summary).toContainText('Reporter: add the person reporting, or mark the report as anonymous')
  await expect(summary).toContainText('How the report came in: choose how the report came in')
  // the message sits on the field too
  await expect(page.locator('.v-input', { has: page.getByLabel('When it happened') })).toContainText("can't be in the future")
  // an under-10 named as perpetrator of an ASB matter
  await page.getByRole('button', { name: 'Add an alleged perpetrator' }).click()
  await page.getByLabel('Alleged perpetrator 1 surname').fill('Young')
  await page.getByLabel('Alleged perpetrator 1 date of birth (if known)').fill(format(addDays(new Date(), -365 * 7), 'yyyy-MM-dd'))
  await expect(summary).toContainText('child under 10')
  await page.getByRole('link', { name: 'My caseload' }).click()
  await expect(page.getByTestId('case-count')).toHaveText('0 cases')
})

test('a further report from someone with an open case is offered to that case, not opened as a new one', async ({ page }) => {
  test.setTimeout(90_000)
  await createProfile(page, 'Dee Duplicate')
  const when = addDays(new Date(), -2)
  when.setHours(21, 30, 0, 0)
  await logReport(page, { category: 'Persistent noise', occurredAt: when, reporter: { firstName: 'Maya', surname: 'Okonjo', line1: '12 Kingfisher Way', postcode: 'BS5 6XY' } })
  const ref = (await page.getByRole('heading', { level: 1 }).textContent())!.trim()

  // Maya calls again: the officer finds her on file.
  await page.getByRole('link', { name: 'New report' }).click()
  const again = addDays(new Date(), -1)
  again.setHours(22, 10, 0, 0)
  await fillReport(page, { category: 'Persistent noise', occurredAt: again })
  await page.getByRole('radiogroup', { name: 'Is the reporter already on file?' }).getByLabel('Someone already on file').check()
  await page.getByLabel('Find the reporter by name, address or postcode').fill('okonjo')
  await page.getByRole('button', { name: 'Search' }).click()
  await page.getByRole('button', { name: /Maya Okonjo, 12 Kingfisher Way, BS5 6XY/ }).click()
  await expect(page.getByText('Chosen: Maya Okonjo, 12 Kingfisher Way, BS5 6XY')).toBeVisible()
  await page.getByRole('button', { name: 'Save report' }).click()
  await expect(page.getByRole('heading', { name: 'There is already an open case' })).toBeVisible()
  await expect(page.getByText(`${ref} — Persistent noise or loud music`)).toBeVisible()
  await expectNoAxeViolations(page, 'duplicate offer')
  await page.getByRole('button', { name: `Add this report to ${ref}` }).click()

  await expect(page.getByText(`The report was added to ${ref}.`)).toBeVisible()
  await page.getByRole('tab', { name: 'Incidents' }).click()
  await expect(page.getByRole('heading', { name: 'Incidents (2)' })).toBeVisible()
  await page.getByRole('link', { name: 'My caseload' }).click()
  await expect(page.getByTestId('case-count')).toHaveText('1 case')
})

test('the caseload filters a demo caseload, and Today links to the cases that need action', async ({ page }) => {
  test.setTimeout(90_000)
  await createProfile(page, 'Fil Filters')
  await loadDemoCaseload(page, 60)
  await page.getByRole('link', { name: 'My caseload' }).click()
  await expect(page.getByTestId('case-count')).toHaveText('60 cases')
  const today = page.getByRole('region', { name: /Overdue|Due soon/ }).first()
  await expect(today).toBeVisible()
  await expectNoAxeViolations(page, 'caseload with Today items')

  await page.getByRole('checkbox', { name: 'Overdue only' }).check()
  const overdue = Number((await page.getByTestId('case-count').textContent())!.split(' ')[0])
  expect(overdue).toBeGreaterThan(0)
  expect(overdue).toBeLessThan(60)
  await page.getByRole('checkbox', { name: 'Overdue only' }).uncheck()
  await page.locator('.v-select', { has: page.getByRole('combobox', { name: 'Status', exact: true }) }).locator('.v-field').click()
  await page.getByRole('option', { name: 'closed' }).click()
  const closed = Number((await page.getByTestId('case-count').textContent())!.split(' ')[0])
  expect(closed).toBeLessThan(60)
  await page.getByRole('button', { name: 'Clear filters' }).click()
  await expect(page.getByTestId('case-count')).toHaveText('60 cases')

  // A Today item opens its case.
  const link = today.getByRole('link').first()
  const ref = (await link.textContent())!.trim()
  await link.click()
  await expect(page.getByRole('heading', { level: 1, name: ref })).toBeVisible()
})

test('routing and response targets are settings: a change shows at once on the New report form', async ({ page }) => {
  test.setTimeout(90_000)
  await createProfile(page, 'Set Tings')
  await page.getByRole('link', { name: 'Settings' }).click()
  await expect(page.getByRole('heading', { name: 'Routing table' })).toBeVisible()
  await expect(page.getByTestId('bank-holiday-coverage')).toContainText('1 January 2024 to 31 December 2028')
  await expectNoAxeViolations(page, 'settings with policy, routing and bank-holiday sections')

  // Bad input is refused on the field: a threshold above the statutory maximum.
  await page.getByLabel('Qualifying complaints').fill('4')
  await page.getByRole('button', { name: 'Save targets and thresholds' }).click()
  await expect(page.getByText('must be no higher than 3 qualifying complaints (statutory maximum)').first()).toBeVisible()
  await page.getByLabel('Qualifying complaints').fill('3')
  await page.getByLabel('Medium band').fill('2')
  await page.getByRole('button', { name: 'Save targets and thresholds' }).click()
  await expect(page.getByText('Response targets and thresholds saved.')).toBeVisible()

  // Criminal damage goes to the ASB team instead of Tenancy Management.
  const row = page.getByRole('row').filter({ has: page.locator('input[value="Criminal damage"]') })
  await row.locator('.v-select .v-field').first().click()
  await page.getByRole('option', { name: 'ASB team' }).click()
  await page.getByRole('button', { name: 'Save routing table' }).click()
  await expect(page.getByText('Routing table saved.')).toBeVisible()

  await page.getByRole('link', { name: 'New report' }).click()
  await page.getByLabel('Report category').fill('Criminal damage')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('triage-route')).toContainText('Route: ASB team')
  await page.getByRole('combobox', { name: 'Report category' }).fill('Persistent noise')
  await page.keyboard.press('Enter')
  for (const group of ['Harm caused or threatened', 'How often it happens', 'Vulnerability of the victim', 'Impact on the victim and community', 'Risk of escalation']) {
    await page.getByRole('radiogroup', { name: group }).getByLabel('3').check()
  }
  await expect(page.getByTestId('preview-band')).toContainText('Medium')
  const due = calendar.addWorkingDays(format(new Date(), 'yyyy-MM-dd'), 2).date
  await expect(page.getByText(`First contact due by: ${ukDate(due)}`)).toBeVisible()
})
