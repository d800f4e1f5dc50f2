import { expect, test, type Page } from '@playwright/test'
import { createProfile, expectNoAxeViolations, loadDemoCaseload, readStores, signInAs, TEST_PASSPHRASE } from './helpers'

/**
 * Closing a case by the three-attempts route [001 §11.2], through the real screens: attempts on the
 * Contacts tab, the written closure (closure summary) and the close on the Closure tab, the survey
 * and follow-up on the Today panel, then reopening.
 */

function isoDaysAgo(days: number): string {
  const d = new Date()
  d.setDate(d.getDate() - days)
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

/**
 * Test setup, not a user step: find an open demo case old enough that its demo contacts are long
 * before the attempts this test records (demo contacts fall within 11 days of opening).
 */
async function oldOpenCase(page: Page): Promise<{ id: string; ref: string; reporterName: string }> {
  const { cases, caseParties, people, actions } = await readStores(page, ['cases', 'caseParties', 'people', 'actions'])
  const openedBefore = isoDaysAgo(100)
  const reporterOf = (caseId: unknown) => caseParties.find((p) => p.caseId === caseId && p.role === 'reporter')
  const candidate = cases.find((c) => c.status === 'open' && c.route === 'ASB team' && String(c.openedAt) < openedBefore
    && !c.anonymous && reporterOf(c.id)
    // An open action-plan item, so the test also explains one before closing.
    && actions.some((a) => a.caseId === c.id && a.status === 'open'))
  expect(candidate, 'the demo caseload has an open case opened over 100 days ago with an open action').toBeTruthy()
  const person = people.find((p) => p.id === reporterOf(candidate!.id)!.personId)!
  return { id: String(candidate!.id), ref: String(candidate!.ref), reporterName: `${String(person.firstName)} ${String(person.surname)}`.trim() }
}

/** Opens a select from the keyboard and picks an option (the sticky app bar can cover the field). */
async function choose(page: Page, field: string, option: RegExp | string): Promise<void> {
  await page.getByRole('combobox', { name: field }).focus()
  await page.keyboard.press('ArrowDown')
  await page.getByRole('option', { name: option }).click()
}

async function recordAttempt(page: Page, reporterName: string, day: string): Promise<void> {
  await page.getByRole('button', { name: 'Record a contact' }).click()
  await page.getByLabel('When').fill(`${day}T10:00`)
  await choose(page, 'Person on the case', new RegExp(`^${reporterName} \\(reporter\\)`))
  await page.getByLabel('Contact was made (untick for an attempt)').uncheck()
  await page.getByLabel('Summary').fill('No answer; left a message asking them to call about the outcome.')
  await page.getByRole('button', { name: 'Save contact' }).click()
  await expect(page.getByText('Contact attempt recorded.')).toBeVisible()
}

test('close a case after three unanswered attempts, see the survey and follow-up on Today, then reopen', async ({ page }) => {
  test.setTimeout(180_000)
  await createProfile(page, 'Jo Smith')
  await loadDemoCaseload(page, 60)
  const target = await oldOpenCase(page)
  await page.goto(`./#/cases/${target.id}`)
  await expect(page.getByRole('heading', { level: 1, name: target.ref })).toBeVisible()

  // Three attempts by the preferred method (the form fills it in from the person), 10+ working days apart overall.
  await page.getByRole('tab', { name: 'Contacts' }).click()
  for (const daysAgo of [70, 56, 49]) await recordAttempt(page, target.reporterName, isoDaysAgo(daysAgo))

  await page.getByRole('tab', { name: 'Closure' }).click()
  const panel = page.getByRole('region', { name: 'Closure' })
  await choose(page, 'Reason for closing', 'Actions completed')
  await panel.getByLabel('Closing date').fill(isoDaysAgo(35))

  // Written closure is allowed, but the letter must be saved first: the check says so and how to fix it.
  const contactCheck = page.getByTestId('check-reporter told the outcome')
  await expect(contactCheck).toContainText('Reporter told the outcome: Not met.')
  await expect(contactCheck).toContainText('written closure is allowed, but no closure letter')
  await expect(contactCheck).toContainText('How to fix: Save the closure summary below')
  await panel.getByText('Preview the whole letter').click()
  const preview = page.getByRole('region', { name: 'Letter preview' })
  await expect(preview).toContainText('You can ask for an ASB Case Review if you have reported anti-social behaviour three times or more in six months.')
  await expect(preview).toContainText('To ask for a review, contact Bristol City Council.')
  await expectNoAxeViolations(page, 'Close case form')

  // Closing before the letter is refused with the reason.
  await panel.getByRole('button', { name: 'Close case', exact: true }).click()
  await expect(panel.getByRole('alert').filter({ hasText: 'was not closed' })).toContainText('Reporter told the outcome')

  // The closure summary: plain English, scored, saved to the register.
  await expect(page.getByTestId('summary-readability')).toContainText('meets the target of 60')
  await panel.getByLabel('What we found').fill('We looked at each report. The noise stopped after our warning letter.')
  const download = page.waitForEvent('download')
  await panel.getByRole('button', { name: 'Save closure summary' }).click()
  expect((await download).suggestedFilename()).toMatch(new RegExp(`^${target.ref} closure summary .+\\.docx$`))
  await expect(page.getByText('Closure summary saved to the documents register')).toBeVisible()

  // Open action-plan items are listed and must be explained; then every check is met.
  await expect(page.getByTestId('check-open actions')).toContainText('Open action-plan items: Not met.')
  for (const box of await panel.getByLabel(/^Explain why this is left/).all()) await box.fill('Left open: the reporter moved away.')
  await expect(page.getByTestId('check-open actions')).toContainText('Open action-plan items: Met.')
  await expect(contactCheck).toContainText('Reporter told the outcome: Met.')
  await expect(panel.getByText('All checks are met.')).toBeVisible()
  await panel.getByRole('button', { name: 'Close case', exact: true }).click()
  await expect(page.getByTestId('closure-record')).toContainText('Reason: Actions completed.')
  await expect(page.getByTestId('survey-status')).toContainText('Not answered yet.')
  await expectNoAxeViolations(page, 'Closed case')

  // The Today panel on My caseload lists the survey and the follow-up (both now overdue).
  await page.getByRole('link', { name: 'My caseload' }).click()
  const today = page.getByRole('region', { name: 'Today' })
  await expect(today.getByRole('listitem').filter({ hasText: `${target.ref} — Satisfaction survey for ${target.reporterName} due` })).toBeVisible()
  await expect(today.getByRole('listitem').filter({ hasText: `${target.ref} — Follow-up contact with ${target.reporterName} due` })).toBeVisible()
  await expectNoAxeViolations(page, 'Today panel')

  // Record the reporter's survey answer (TSM TP12 wording) from the case.
  await today.getByRole('link', { name: target.ref }).first().click()
  await page.getByRole('tab', { name: 'Closure' }).click()
  const tp12 = page.getByRole('radiogroup', { name: "How satisfied or dissatisfied are you with your landlord's approach to handling anti-social behaviour?" })
  await tp12.getByRole('radio', { name: '4 – Fairly satisfied' }).focus()
  await page.keyboard.press('Space')
  await expect(tp12.getByRole('radio', { name: '4 – Fairly satisfied' })).toBeChecked()
  await page.getByRole('button', { name: 'Save survey answers' }).click()
  await expect(page.getByTestId('survey-status')).toContainText('Answered')
  await expect(page.getByText("How satisfied or dissatisfied are you with your landlord's approach to handling anti-social behaviour? Fairly satisfied")).toBeVisible()

  // Reopen, keyboard only: reach the reason field, type, press Enter.
  const reason = page.getByLabel('Why reopen?')
  await reason.focus()
  await page.keyboard.type('Loud music has started again.')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: 'Close this case' })).toBeVisible()
  await expect(page.getByRole('heading', { level: 1, name: target.ref })).toBeVisible()
  await expect(page.getByText(/reopened .*\(a repeat within 90 days\): Loud music has started again\./)).toBeVisible()
  // History is kept: the attempts are still on the Contacts tab.
  await page.getByRole('tab', { name: 'Contacts' }).click()
  await expect(page.getByText('No answer; left a message asking them to call about the outcome.').locator('visible=true')).toHaveCount(3)

  // The survey and follow-up of the closure leave the Today panel once the case is live again.
  await page.getByRole('link', { name: 'My caseload' }).click()
  await expect(page.getByRole('region', { name: 'Today' })).not.toContainText(`${target.ref} — Follow-up contact`)
})

test('close as malicious only after an investigation and a review by another manager with their passphrase', async ({ page }) => {
  test.setTimeout(180_000)
  await createProfile(page, 'Jo Smith')
  await loadDemoCaseload(page, 30)
  await createProfile(page, 'Priya Shah', 'Manager')
  await signInAs(page, 'Jo Smith')
  const target = await oldOpenCase(page)
  await page.goto(`./#/cases/${target.id}`)
  await page.getByRole('tab', { name: 'Closure' }).click()
  const panel = page.getByRole('region', { name: 'Closure' })
  await choose(page, 'Reason for closing', 'Malicious or made in bad faith')
  const malicious = page.getByTestId('check-malicious review')
  await expect(malicious).toContainText('Closing as malicious needs a documented investigation note.')

  // The outcome conversation, by the reporter's preferred method, recorded from the Closure tab.
  await panel.getByText(`Record a contact with ${target.reporterName} about the outcome`).click()
  await panel.getByLabel('What was said about the outcome').fill('Explained that we found no evidence of the reported noise.')
  await panel.getByRole('button', { name: 'Save outcome contact' }).click()
  await expect(page.getByTestId('check-reporter told the outcome')).toContainText('Reporter told the outcome: Met.')

  await panel.getByLabel('Investigation note').fill('Noise monitoring on five nights recorded nothing at the reported times; neighbours on both sides heard nothing.')
  await panel.getByRole('button', { name: 'Save investigation note' }).click()
  await expect(malicious).toContainText('needs a managerial review of the investigation; none is recorded')

  // Four-eyes: the manager confirms with their own passphrase; a wrong one records nothing.
  await choose(page, 'Reviewing manager', 'Priya Shah')
  await panel.getByLabel("Manager's reasons").fill('Agree: the monitoring contradicts every report.')
  await panel.getByLabel("Manager's passphrase").fill('not the passphrase')
  await panel.getByRole('button', { name: 'Record managerial review' }).click()
  await expect(panel.getByRole('alert').filter({ hasText: "The passphrase is not Priya Shah's" })).toBeVisible()
  await expect(malicious).toContainText('Not met')
  await panel.getByLabel("Manager's reasons").fill('Agree: the monitoring contradicts every report.')
  await panel.getByLabel("Manager's passphrase").fill(TEST_PASSPHRASE)
  await panel.getByRole('button', { name: 'Record managerial review' }).click()
  await expect(malicious).toContainText('Priya Shah reviewed the investigation on')
  for (const box of await panel.getByLabel(/^Explain why this is left/).all()) await box.fill('Not needed: the reports were not genuine.')
  await expect(panel.getByText('All checks are met.')).toBeVisible()
  await expectNoAxeViolations(page, 'Malicious closure with review')

  await panel.getByRole('button', { name: 'Close case', exact: true }).click()
  await expect(page.getByTestId('closure-record')).toContainText('Reason: Malicious or made in bad faith.')
})

test('closure settings refuse a bad value on the field and save a good one', async ({ page }) => {
  test.setTimeout(150_000)
  await createProfile(page, 'Jo Smith')
  await page.getByRole('link', { name: 'Settings' }).click()
  const section = page.getByRole('region', { name: 'Closing cases' })
  const weeks = section.getByLabel('Follow-up contact after closure (weeks)')
  await weeks.fill('0')
  await section.getByRole('button', { name: 'Save closure settings' }).click()
  await expect(section.getByText('must be at least 1').first()).toBeVisible()
  await expect(section.getByRole('alert').filter({ hasText: 'Closing cases settings was not saved: followUpWeeks — must be at least 1' })).toBeVisible()
  await weeks.fill('6')
  await section.getByLabel('Council name').fill('South Gloucestershire Council')
  await section.getByRole('button', { name: 'Save closure settings' }).click()
  await expect(section.getByText('Closure settings saved.')).toBeVisible()
  await page.reload()
  await expect(page.getByRole('region', { name: 'Closing cases' }).getByLabel('Council name')).toHaveValue('South Gloucestershire Council')
  await expectNoAxeViolations(page, 'Settings with the closing cases section')
})
