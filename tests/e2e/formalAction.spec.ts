import { expect, test, type Page } from '@playwright/test'
import { approveAsManager, completeFormalActionGate, createProfile, expectNoAxeViolations, findCaseWithPerpetrator, loadDemoCaseload, openCaseTab, press, signInAs, typeInto } from './helpers'

/**
 * Formal action behind the gate, through the real screens and with the keyboard: the officer
 * completes grounds, particulars, proportionality and EIA; a manager (a second profile) approves
 * with their passphrase; the officer generates the notice for service and records service. A
 * manager who prepared the action cannot approve it. [issue 6; LEGAL-NOTES §4] The officer's walk
 * through the gate, with its checks at each step, is `completeFormalActionGate` in helpers.ts (the
 * bundle spec walks it too).
 */

const openFormalTab = (page: Page, caseId: string) => openCaseTab(page, caseId, 'Formal action')

test('officer completes the gate, another manager approves, the officer generates and serves the notice', async ({ page }) => {
  test.setTimeout(240_000)
  await createProfile(page, 'Olu Officer')
  await createProfile(page, 'Mo Manager', 'Manager')
  await signInAs(page, 'Olu Officer')
  await loadDemoCaseload(page, 20)
  const { id, perpetrator } = await findCaseWithPerpetrator(page)
  await openFormalTab(page, id)

  // A notice for service is not offered before approval.
  await completeFormalActionGate(page, perpetrator)
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
  await approveAsManager(page, 'Mo Manager', 'Evidence is clear and the warnings did not work.')
  await expect(page.getByText(/^quality check: approved by Mo Manager \(Manager\)/)).toBeVisible()
  await expect(page.getByTestId('action-status')).toHaveText('approved')

  await expect(page.getByText('Approved. The officer can now generate the notice for service.')).toBeVisible()

  // A change to the particulars after approval voids it, with a clear banner.
  await signInAs(page, 'Olu Officer')
  await openFormalTab(page, id)
  await press(page.getByRole('button', { name: new RegExp(`^Notice seeking possession against ${perpetrator} — approved`) }))
  await typeInto(page.getByLabel('Particulars (why each ground applies, with dates)'), ' Neighbours were kept awake.')
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
  await approveAsManager(page, 'Mo Manager', 'Re-checked after the change to the particulars.')
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
  const { id, perpetrator } = await findCaseWithPerpetrator(page)
  await openFormalTab(page, id)
  await completeFormalActionGate(page, perpetrator)
  await expect(page.getByText('You prepared this action, so you cannot approve it: a different manager must (four-eyes).').first()).toBeVisible()
  await approveAsManager(page, 'Mo Manager', 'Approving my own work should not be possible.')
  await expect(page.getByRole('alert').filter({ hasText: 'must be done by someone other than the author (four-eyes)' })).toBeVisible()
  await expect(page.getByTestId('action-status')).toHaveText('awaiting approval')
  await expect(page.getByRole('button', { name: 'Generate notice for service' })).toBeDisabled()
})

test('a power not yet in force is not offered until the legal settings switch it on', async ({ page }) => {
  test.setTimeout(120_000)
  await createProfile(page, 'Ada Admin')
  await loadDemoCaseload(page, 10)
  const { id } = await findCaseWithPerpetrator(page)
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
