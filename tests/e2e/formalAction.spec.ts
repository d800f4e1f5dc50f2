import { expect, test, type Locator, type Page } from '@playwright/test'
import { createProfile, expectNoAxeViolations, loadDemoCaseload, signInAs, TEST_PASSPHRASE } from './helpers'

/**
 * Formal action behind the gate, through the real screens and with the keyboard: the officer
 * completes grounds, particulars, proportionality and EIA; a manager (a second profile) approves
 * with their passphrase; the officer generates the notice for service and records service. A
 * manager who prepared the action cannot approve it. [issue 6; LEGAL-NOTES §4]
 */

/** Test setup, not a user step: an open demo case with incidents and an alleged perpetrator. */
async function openCaseWithPerpetrator(page: Page): Promise<{ id: string; perpetrator: string }> {
  const found = await page.evaluate(async () => {
    const database = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('asb-workstation')
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error)
    })
    const all = <T,>(store: string) => new Promise<T[]>((resolve, reject) => {
      const request = database.transaction(store).objectStore(store).getAll()
      request.onsuccess = () => resolve(request.result as T[])
      request.onerror = () => reject(request.error)
    })
    type Row = Record<string, unknown>
    const [cases, parties, people, incidents] = [await all<Row>('cases'), await all<Row>('caseParties'), await all<Row>('people'), await all<Row>('incidents')]
    database.close()
    const candidate = cases.find((c) => c.status === 'open' && parties.some((p) => p.caseId === c.id && p.role === 'alleged perpetrator') && incidents.some((i) => i.caseId === c.id))
    if (!candidate) return undefined
    const party = parties.find((p) => p.caseId === candidate.id && p.role === 'alleged perpetrator')!
    const person = people.find((p) => p.id === party.personId)!
    return { id: String(candidate.id), perpetrator: `${String(person.firstName)} ${String(person.surname)}`.trim() }
  })
  expect(found, 'the demo caseload has an open case with an alleged perpetrator').toBeTruthy()
  return found!
}

// Keyboard only: focus a control and use the keys a person would.
async function press(target: Locator, key = 'Enter'): Promise<void> {
  await target.focus()
  await target.page().keyboard.press(key)
}
async function type(target: Locator, text: string): Promise<void> {
  await target.focus()
  await target.page().keyboard.insertText(text)
}
const choose = (page: Page, group: string | RegExp, option: string) =>
  press(page.getByRole('radiogroup', { name: group }).getByRole('radio', { name: option, exact: true }), 'Space')

async function openFormalTab(page: Page, caseId: string): Promise<void> {
  await page.goto(`./#/cases/${caseId}`)
  await press(page.getByRole('tab', { name: 'Formal action' }))
  await expect(page.getByRole('heading', { name: 'Formal action', level: 2 })).toBeVisible()
}

async function prepareNosp(page: Page, perpetrator: string): Promise<void> {
  await press(page.getByRole('button', { name: 'Consider formal action' }))
  await choose(page, 'Action', 'Notice seeking possession')
  await press(page.getByRole('checkbox', { name: new RegExp(`^${perpetrator} \\(alleged perpetrator`) }), 'Space')
  await page.getByLabel('Tenure for this action').selectOption('assured')
  await press(page.getByRole('button', { name: 'Start', exact: true }))
  await expect(page.getByTestId('action-status')).toHaveText('draft')
  await expect(page.getByText('Check with your legal team before serving.').first()).toBeVisible()

  // 1. Grounds and particulars.
  await page.getByLabel('A date a rent period starts on').fill('2026-01-05')
  await press(page.getByRole('checkbox', { name: /^Ground 14 —/ }), 'Space')
  await press(page.getByRole('checkbox', { name: '(a) nuisance or annoyance to people in the locality' }), 'Space')
  await press(page.getByRole('group', { name: 'Incidents relied on' }).getByRole('checkbox').first(), 'Space')
  await press(page.getByRole('button', { name: 'Draft particulars from the chosen incidents' }))
  await expect(page.getByLabel('Particulars (why each ground applies, with dates)')).toHaveValue(/^On \d{1,2} \w+ \d{4}/)
  await press(page.getByRole('button', { name: 'Save grounds and particulars' }))
  await expect(page.getByText('Details saved.')).toBeVisible()

  // 2. Proportionality: all 13 points with reasons; point 14 is the approval itself.
  for (let n = 1; n <= 13; n++) {
    await choose(page, new RegExp(`^Point ${n}:`), 'Yes')
    const reasons = page.getByLabel(`Reasons for point ${n}`, { exact: true })
    if (!(await reasons.inputValue())) await type(reasons, `Considered on the evidence on file (point ${n}).`)
  }
  await press(page.getByRole('group', { name: 'Incidents that prove the ground' }).getByRole('checkbox').first(), 'Space')
  await type(page.getByLabel('Proportionality statement'), 'Warnings have not stopped the nuisance; possession is now a proportionate way to protect neighbours.')
  await press(page.getByRole('button', { name: 'Save proportionality assessment' }))
  await expect(page.getByText('Proportionality assessment saved and complete.')).toBeVisible()

  // 3. Equality Impact Assessment.
  for (const c of ['Age', 'Disability', 'Gender reassignment', 'Marriage and civil partnership', 'Pregnancy and maternity', 'Race', 'Religion or belief', 'Sex', 'Sexual orientation']) {
    await choose(page, new RegExp(`^${c}$`), 'Not known')
    await type(page.getByLabel(`Potential impact — ${c.toLowerCase()}`, { exact: true }), 'None identified')
  }
  await choose(page, 'Does the conduct arise from a disability? (s15)', 'No')
  await type(page.getByLabel('Reasonable adjustments made (s20)'), 'Offered large print and a support worker at meetings.')
  await choose(page, 'Do children live in the home?', 'No')
  await choose(page, 'Is there a risk of homelessness?', 'No')
  await choose(page, 'Has the local authority been informed?', 'No')
  await choose(page, /^Are there safeguarding concerns/, 'No')
  await choose(page, 'Does the person understand the proceedings?', 'Yes')
  await choose(page, 'Is a litigation friend needed?', 'No')
  await choose(page, 'Is the person under 18?', 'No')
  await type(page.getByLabel('EIA conclusion'), 'No disproportionate impact on any protected group was found.')
  await press(page.getByRole('button', { name: 'Save Equality Impact Assessment' }))
  await expect(page.getByText('Equality Impact Assessment saved and complete.')).toBeVisible()
  await expect(page.getByTestId('gate-problems')).toHaveText('No manager other than the author has approved this action (four-eyes quality check).')

  // 4. Submit the whole pack.
  await press(page.getByRole('button', { name: 'Submit for approval' }))
  await expect(page.getByText('Sent to a manager for the quality check.')).toBeVisible()
  await expect(page.getByTestId('action-status')).toHaveText('awaiting approval')
}

async function decide(page: Page, manager: string, reasons: string): Promise<void> {
  await choose(page, 'Your decision', 'Approve')
  await type(page.getByLabel('Reasons for your decision'), reasons)
  await type(page.getByLabel(`Passphrase for ${manager}`), TEST_PASSPHRASE)
  await press(page.getByRole('button', { name: 'Record decision' }))
}

test('officer completes the gate, another manager approves, the officer generates and serves the notice', async ({ page }) => {
  test.setTimeout(240_000)
  await createProfile(page, 'Olu Officer')
  await createProfile(page, 'Mo Manager', 'Manager')
  await signInAs(page, 'Olu Officer')
  await loadDemoCaseload(page, 20)
  const { id, perpetrator } = await openCaseWithPerpetrator(page)
  await openFormalTab(page, id)

  // A notice for service is not offered before approval.
  await prepareNosp(page, perpetrator)
  await expect(page.getByRole('button', { name: 'Generate notice for service' })).toBeDisabled()
  await expectNoAxeViolations(page, 'formal action awaiting approval')

  // The manager's quality check, with the whole pack on screen.
  await signInAs(page, 'Mo Manager')
  await openFormalTab(page, id)
  await press(page.getByRole('button', { name: new RegExp(`^Notice seeking possession against ${perpetrator} — awaiting approval`) }))
  await expect(page.getByRole('heading', { name: "Manager's review" })).toBeVisible()
  await expect(page.getByLabel('Draft notice text')).toContainText('DRAFT — NOT FOR SERVICE')
  await expect(page.getByLabel('Draft notice text')).toContainText(perpetrator)
  await expectNoAxeViolations(page, "manager's review")
  await decide(page, 'Mo Manager', 'Evidence is clear and the warnings did not work.')
  await expect(page.getByText(/^quality check: approved by Mo Manager \(Manager\)/)).toBeVisible()
  await expect(page.getByTestId('action-status')).toHaveText('approved')

  await expect(page.getByText('Approved. The officer can now generate the notice for service.')).toBeVisible()

  // A change to the particulars after approval voids it, with a clear banner.
  await signInAs(page, 'Olu Officer')
  await openFormalTab(page, id)
  await press(page.getByRole('button', { name: new RegExp(`^Notice seeking possession against ${perpetrator} — approved`) }))
  await type(page.getByLabel('Particulars (why each ground applies, with dates)'), ' Neighbours were kept awake.')
  await press(page.getByRole('button', { name: 'Save grounds and particulars' }))
  await expect(page.getByTestId('approval-voided')).toContainText('the approval was voided because the particulars changed')
  await expect(page.getByTestId('action-status')).toHaveText('draft')
  await expect(page.getByRole('button', { name: 'Generate notice for service' })).toBeDisabled()
  await press(page.getByRole('button', { name: 'Submit for approval' }))
  await expect(page.getByTestId('action-status')).toHaveText('awaiting approval')

  await signInAs(page, 'Mo Manager')
  await openFormalTab(page, id)
  await press(page.getByRole('button', { name: new RegExp(`^Notice seeking possession against ${perpetrator} — awaiting approval`) }))
  await expect(page.getByLabel('Draft notice text')).toContainText('Neighbours were kept awake.')
  await decide(page, 'Mo Manager', 'Re-checked after the change to the particulars.')
  await expect(page.getByTestId('action-status')).toHaveText('approved')

  // The officer generates the notice for service and records service.
  await signInAs(page, 'Olu Officer')
  await openFormalTab(page, id)
  await press(page.getByRole('button', { name: new RegExp(`^Notice seeking possession against ${perpetrator} — approved`) }))
  await expect(page.getByText('The gate is complete: proportionality, EIA and approval are all recorded.')).toBeVisible()
  await expect(page.getByTestId('notice-dates')).toContainText('because Ground 14 is relied on, proceedings may begin immediately')
  const download = page.waitForEvent('download')
  await press(page.getByRole('button', { name: 'Generate notice for service' }))
  expect((await download).suggestedFilename()).toMatch(/NOSP Form 3 .*\.docx$/)
  await expect(page.getByText(/^Notice for service saved: /)).toBeVisible()
  await expect(page.getByLabel('Served by')).toHaveValue('Olu Officer')
  await press(page.getByRole('button', { name: 'Record service' }))
  await expect(page.getByTestId('action-status')).toHaveText('served')
  await expect(page.getByText(/^Served by hand on .* by Olu Officer; treated as served on/)).toBeVisible()
  await expect(page.getByText(/Court proceedings may begin after .*Last day to begin them:/)).toBeVisible()
  await expectNoAxeViolations(page, 'served notice')
})

test('a manager who prepared the action cannot approve it', async ({ page }) => {
  test.setTimeout(120_000)
  await createProfile(page, 'Mo Manager', 'Manager')
  await loadDemoCaseload(page, 20)
  const { id, perpetrator } = await openCaseWithPerpetrator(page)
  await openFormalTab(page, id)
  await prepareNosp(page, perpetrator)
  await expect(page.getByText('You prepared this action, so you cannot approve it: a different manager must (four-eyes).').first()).toBeVisible()
  await decide(page, 'Mo Manager', 'Approving my own work should not be possible.')
  await expect(page.getByRole('alert').filter({ hasText: 'must be done by someone other than the author (four-eyes)' })).toBeVisible()
  await expect(page.getByTestId('action-status')).toHaveText('awaiting approval')
  await expect(page.getByRole('button', { name: 'Generate notice for service' })).toBeDisabled()
})

test('a power not yet in force is not offered until the legal settings switch it on', async ({ page }) => {
  test.setTimeout(120_000)
  await createProfile(page, 'Ada Admin')
  await loadDemoCaseload(page, 10)
  const { id } = await openCaseWithPerpetrator(page)
  await openFormalTab(page, id)
  await press(page.getByRole('button', { name: 'Consider formal action' }))
  await expect(page.getByRole('radio', { name: 'Notice seeking possession', exact: true })).toBeVisible()
  await expect(page.getByRole('radio', { name: 'Respect Order application' })).toHaveCount(0)

  await page.getByRole('link', { name: 'Settings' }).click()
  await expect(page.getByRole('heading', { name: 'Legal', level: 2 })).toBeVisible()
  await press(page.getByRole('checkbox', { name: /^Respect Order application — Crime and Policing Act 2026/ }), 'Space')
  await press(page.getByRole('button', { name: 'Save legal settings' }))
  await expect(page.getByText('Legal settings saved.')).toBeVisible()
  await expectNoAxeViolations(page, 'settings with the legal section')

  await openFormalTab(page, id)
  await press(page.getByRole('button', { name: 'Consider formal action' }))
  await expect(page.getByRole('radio', { name: 'Respect Order application' })).toBeVisible()
})
