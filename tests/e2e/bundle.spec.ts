import { readFile } from 'node:fs/promises'
import JSZip from 'jszip'
import { expect, test, type Locator, type Page } from '@playwright/test'
import { approveAsManager, chooseRadio, completeFormalActionGate, createProfile, expectNoAxeViolations, findCaseWithPerpetrator, loadDemoCaseload, openCaseTab, press, signInAs, typeInto } from './helpers'

/**
 * The legal case bundle through the real screens: the officer takes a demo case through the
 * formal-action gate, a manager approves it, the officer prepares the bundle; the legal team sees
 * it under "Received bundles", downloads and verifies it, cannot edit the case, and leaves a note
 * that the officer then sees on Today and on the case. [issue 8]
 */

/** The manager opens the action awaiting approval on the case and approves it. */
async function approve(page: Page, manager: string, caseId: string, perpetrator: string): Promise<void> {
  await openCaseTab(page, caseId, 'Formal action')
  await press(page.getByRole('button', { name: new RegExp(`^Notice seeking possession against ${perpetrator} — awaiting approval`) }))
  await approveAsManager(page, manager, 'Evidence is clear and the warnings did not work.')
  await expect(page.getByTestId('action-status')).toHaveText('approved')
}

async function downloadBytes(page: Page, button: Locator): Promise<{ name: string; bytes: Uint8Array }> {
  const download = page.waitForEvent('download')
  await press(button)
  const done = await download
  return { name: done.suggestedFilename(), bytes: new Uint8Array(await readFile((await done.path())!)) }
}

async function docxText(bytes: Uint8Array): Promise<string> {
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string')
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(' ')
}

test('officer prepares a bundle; the legal team receives, downloads and verifies it, cannot edit the case, and sends a note the officer sees', async ({ page }) => {
  test.setTimeout(300_000)
  await createProfile(page, 'Olu Officer')
  await createProfile(page, 'Mo Manager', 'Manager')
  await createProfile(page, 'Lee Counsel', 'Legal team')
  await signInAs(page, 'Olu Officer')
  await loadDemoCaseload(page, 20)
  const { id, ref, perpetrator } = await findCaseWithPerpetrator(page)

  // Before approval the bundle cannot be prepared.
  await openCaseTab(page, id, 'Case bundle')
  await expect(page.getByText('A bundle can be prepared once a formal action on this case has been approved by a manager')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Prepare case bundle' })).toHaveCount(0)

  await openCaseTab(page, id, 'Formal action')
  await completeFormalActionGate(page, perpetrator)
  await signInAs(page, 'Mo Manager')
  await approve(page, 'Mo Manager', id, perpetrator)

  // The officer prepares the bundle for the legal team, with the keyboard.
  await signInAs(page, 'Olu Officer')
  await openCaseTab(page, id, 'Case bundle')
  await expect(page.getByRole('radiogroup', { name: 'Who is the bundle for?' }).getByRole('radio', { name: 'Legal team' })).toBeChecked()
  await expect(page.getByRole('group', { name: /^Allegations relied on \(Scott schedule\)/ })).toBeVisible()
  await press(page.getByRole('button', { name: 'Prepare case bundle' }))
  await expect(page.getByRole('heading', { name: 'Bundle for the legal team is ready' })).toBeVisible({ timeout: 60_000 })
  await expect(page.getByText('Nothing was redacted: the legal team receives the full bundle.')).toBeVisible()
  await expect(page.getByRole('progressbar', { name: 'Bundle build progress' })).toHaveAttribute('aria-valuenow', '100')
  await expectNoAxeViolations(page, 'case bundle tab')

  // A disclosure bundle shows its redaction report.
  await chooseRadio(page, 'Who is the bundle for?', 'Court / respondent disclosure')
  await press(page.getByRole('button', { name: 'Prepare case bundle' }))
  await expect(page.getByRole('heading', { name: 'Bundle for the court / respondent disclosure is ready' })).toBeVisible({ timeout: 60_000 })
  await expect(page.getByRole('table', { name: 'Bundles prepared for this case' })).toContainText('Court / respondent disclosure')
  await expect(page.getByRole('table', { name: 'Bundles prepared for this case' }).getByRole('row')).toHaveCount(3)

  // The legal team: "Received bundles" in the navigation, read-only summaries, downloads.
  await signInAs(page, 'Lee Counsel')
  const nav = page.getByRole('navigation', { name: 'Main' })
  await press(nav.getByRole('link', { name: 'Received bundles' }))
  await expect(page.getByRole('heading', { name: 'Received bundles', level: 1 })).toBeVisible()
  const card = page.getByRole('article', { name: ref })
  await expect(card).toContainText('Case officer')
  await expect(card).toContainText('Olu Officer')
  await expect(card.getByRole('row')).toHaveCount(3)
  await expectNoAxeViolations(page, 'received bundles')

  const docx = await downloadBytes(page, card.getByRole('button', { name: /\(\.docx\)$/ }).last())
  expect(docx.name).toBe(`${ref} case bundle (legal team).docx`)
  const text = await docxText(docx.bytes)
  for (const heading of ['Case summary', 'Chronology', 'Scott schedule', 'Exhibits list', 'Witness statement of Olu Officer', 'Gate records', 'Documents served']) expect(text).toContain(heading)
  expect(text).toContain(perpetrator)
  expect(text).toContain('Approved by: Mo Manager')

  // Verify bundle: the untouched zip passes; a zip with one changed byte names the file.
  const zip = await downloadBytes(page, card.getByRole('button', { name: /\(\.zip\)$/ }).last())
  await page.getByLabel('Bundle zip to verify').setInputFiles({ name: zip.name, mimeType: 'application/zip', buffer: Buffer.from(zip.bytes) })
  await expect(page.getByTestId('verify-result')).toContainText(`files of the ${ref} bundle match the manifest`)
  const tampered = await JSZip.loadAsync(zip.bytes)
  const chronology = await tampered.file('02 Chronology.docx')!.async('uint8array')
  chronology[chronology.length - 20] ^= 0xff
  tampered.file('02 Chronology.docx', chronology)
  await page.getByLabel('Bundle zip to verify').setInputFiles({ name: 'tampered.zip', mimeType: 'application/zip', buffer: Buffer.from(await tampered.generateAsync({ type: 'uint8array' })) })
  await expect(page.getByTestId('verify-result')).toContainText('02 Chronology.docx (changed)')

  // A note needs words; then it is sent.
  await press(card.getByRole('button', { name: 'Send note to officer' }))
  await expect(card.getByText('Note must say what is needed (at least 5 characters)')).toBeVisible()
  await typeInto(card.getByLabel(`Note to the officer about ${ref}`), 'Need further evidence of the first incident: any CCTV stills or a neighbour statement.')
  await press(card.getByRole('button', { name: 'Send note to officer' }))
  await expect(card.getByText(`Note sent to the officer for ${ref}.`)).toBeVisible()
  await expect(card).toContainText('Lee Counsel: Need further evidence of the first incident')

  // The legal team cannot edit the case: no bundle preparation, no formal action, no new report.
  await openCaseTab(page, id, 'Case bundle')
  await expect(page.getByRole('heading', { name: 'Bundles prepared for this case' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Prepare case bundle' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Mark as dealt with' })).toHaveCount(0)
  await openCaseTab(page, id, 'Formal action')
  await expect(page.getByRole('button', { name: 'Consider formal action' })).toHaveCount(0)
  await expect(nav.getByRole('link', { name: 'New report' })).toHaveCount(0)

  // The officer sees the note on Today and on the case, and marks it dealt with.
  await signInAs(page, 'Olu Officer')
  await press(nav.getByRole('link', { name: 'My caseload' }))
  await expect(page.getByRole('region', { name: 'Today' })).toContainText('Note from the legal team (Lee Counsel): Need further evidence of the first incident')
  await openCaseTab(page, id, 'Case bundle')
  await expect(page.getByRole('region', { name: 'Notes from the legal team' })).toContainText('Need further evidence of the first incident')
  await press(page.getByRole('button', { name: 'Mark as dealt with' }))
  await expect(page.getByRole('region', { name: 'Notes from the legal team' })).toContainText('dealt with')
  await expectNoAxeViolations(page, 'case bundle tab with a legal note')
})
