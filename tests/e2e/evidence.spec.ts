import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { expect, test, type FileChooser, type Locator, type Page } from '@playwright/test'
import { createProfile, expectNoAxeViolations, loadDemoCaseload } from './helpers'

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/evidence/${name}`, import.meta.url))

/** Opens the first case on My caseload at its Incidents tab. */
async function openIncidentsOfFirstCase(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'My caseload' }).click()
  await page.getByRole('link', { name: /^ASB-\d{4}-\d{5}$/ }).first().click()
  await page.getByRole('tab', { name: 'Incidents' }).click()
}

/**
 * Opens the file picker from the keyboard (focus the button, press Enter) and picks files. The
 * chooser is awaited before the key press so Playwright is already intercepting it.
 */
async function pickWithKeyboard(page: Page, button: Locator, files: Parameters<FileChooser['setFiles']>[0]): Promise<FileChooser> {
  await expect(button).toBeVisible()
  const chooserShown = page.waitForEvent('filechooser')
  await button.focus()
  await expect(button).toBeFocused()
  await page.keyboard.press('Enter')
  const chooser = await chooserShown
  await chooser.setFiles(files)
  return chooser
}

/** Chooses where the files came from, opening the list with the keyboard. */
async function chooseSource(page: Page, evidence: Locator, source: string): Promise<void> {
  // On a busy machine a click can land while the menu is still opening; try again until chosen.
  await expect(async () => {
    await evidence.getByRole('combobox', { name: 'Where the files came from' }).focus()
    await page.keyboard.press('Enter')
    await page.getByRole('option', { name: source }).click({ timeout: 5_000 })
    await expect(evidence.locator('.v-select').getByText(source, { exact: true })).toBeVisible({ timeout: 2_000 })
  }).toPass({ timeout: 30_000 })
}

test('an officer attaches a photo and recordings with the keyboard, previews them, and removes one with a reason', async ({ page }) => {
  // A long journey with four accessibility scans of a full case page.
  test.setTimeout(180_000)
  await createProfile(page, 'Jo Smith')
  await loadDemoCaseload(page, 5)
  await openIncidentsOfFirstCase(page)

  // The file picker opens from the keyboard: focus the button, press Enter, the chooser appears.
  const chooseFiles = page.getByRole('button', { name: /^Choose files for the incident of/ }).first()
  const chooser = await pickWithKeyboard(page, chooseFiles, [fixture('door.png'), fixture('tone.wav'), fixture('noise-app.mp3'), fixture('holiday-photo.png')])
  expect(chooser.isMultiple()).toBe(true)

  const evidence = page.locator('section.incident-evidence').first()
  await expect(evidence.getByRole('listitem').filter({ hasText: 'door.png (172 bytes)' })).toBeVisible()
  await expect(evidence.getByText('holiday-photo.png (256 bytes)')).toBeVisible()

  // Source is required: trying without one puts the message on the field.
  await evidence.getByRole('button', { name: 'Add 4 files to this incident' }).click()
  await expect(evidence.getByText('choose where the file came from')).toBeVisible()

  await chooseSource(page, evidence, 'The reporter')
  await evidence.getByLabel('Captured at (optional)').fill('2026-09-19T22:50')
  await evidence.getByRole('button', { name: 'Add 4 files to this incident' }).click()

  // Three real files are added; the program renamed as a photo is refused with a specific reason.
  await expect(evidence.getByRole('status').filter({ hasText: 'Added door.png, tone.wav, noise-app.mp3.' })).toBeVisible()
  await expect(evidence.getByRole('alert').filter({ hasText: 'was not added' })).toContainText('"holiday-photo.png" was not added: its content does not match its .png extension')
  await expect(evidence.getByRole('alert').filter({ hasText: 'was not added' })).toContainText('a Linux program')
  await expect(evidence.getByRole('heading', { name: 'Evidence (3 files)' })).toBeVisible()

  // The thumbnail really shows the stored picture (decoded from the Blob kept in IndexedDB).
  const thumbnail = evidence.getByRole('img', { name: 'Photo: door.png' })
  await expect(thumbnail).toBeVisible()
  await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(48)

  // The players load the stored recordings: their length comes from the bytes read back.
  const wavPlayer = evidence.locator('audio[aria-label="Play recording tone.wav"]')
  await expect(wavPlayer).toBeVisible()
  await expect.poll(() => wavPlayer.evaluate((a: HTMLAudioElement) => Math.round(a.duration * 10) / 10)).toBe(0.3)
  const mp3Player = evidence.locator('audio[aria-label="Play recording noise-app.mp3"]')
  await expect.poll(() => mp3Player.evaluate((a: HTMLAudioElement) => a.duration > 0.5 && a.duration < 0.8)).toBe(true)

  // Facts a court asks for are shown with the file.
  const photoItem = evidence.getByRole('listitem', { name: 'door.png' })
  await expect(photoItem).toContainText('PNG image, 172 bytes')
  await expect(photoItem).toContainText('The reporter')
  await expect(photoItem).toContainText('19 September 2026 at 22:50')
  await expect(photoItem).toContainText('by Jo Smith')
  await expect(photoItem).toContainText(/[0-9a-f]{64}/)
  await photoItem.getByRole('button', { name: 'Check door.png is unchanged' }).click()
  await expect(photoItem.getByRole('status')).toContainText('Unchanged')

  await expectNoAxeViolations(page, 'evidence attached')

  // Removal needs a reason; the file stays on record, collapsed, with the reason and its hash.
  await photoItem.getByRole('button', { name: 'Remove door.png' }).click()
  const dialog = page.getByRole('dialog')
  await expect(dialog).toContainText('Remove “door.png”?')
  await dialog.getByRole('button', { name: 'Remove file' }).click()
  await expect(dialog.getByText('Reason: give a reason of at least 5 characters')).toBeVisible()
  await expectNoAxeViolations(page, 'removal dialog')
  await dialog.getByLabel('Reason for removing').fill('Photo of the wrong flat door')
  await dialog.getByRole('button', { name: 'Remove file' }).click()
  await expect(dialog).toBeHidden()

  await expect(evidence.getByRole('heading', { name: 'Evidence (2 files)' })).toBeVisible()
  await expect(evidence.getByRole('img', { name: 'Photo: door.png' })).toHaveCount(0)
  await expect(evidence.getByText('Removed door.png. It stays on record with its reason.')).toBeVisible()
  await evidence.getByText('Removed files (1) — kept on record').click()
  await expect(evidence.getByText('“Photo of the wrong flat door”')).toBeVisible()

  // Adding the same recording again is refused as a duplicate, naming the file it duplicates.
  await pickWithKeyboard(page, chooseFiles, [fixture('tone.wav')])
  await chooseSource(page, evidence, 'A witness')
  await evidence.getByRole('button', { name: 'Add 1 file to this incident' }).click()
  await expect(evidence.getByRole('alert').filter({ hasText: 'was not added' })).toContainText('identical (same SHA-256) to "tone.wav"')
  await expect(evidence.getByRole('heading', { name: 'Evidence (2 files)' })).toBeVisible()
  await expectNoAxeViolations(page, 'duplicate refused')

  // Settings shows the space evidence takes, removed files included.
  await page.getByRole('link', { name: 'Settings' }).click()
  await expect(page.getByTestId('evidence-space')).toHaveText('Evidence uses 15 KB: 2 files on incidents (15 KB) and 1 removed file kept on record (172 bytes).')
  await expectNoAxeViolations(page, 'settings with evidence space')
})

test('the size limit is a setting and a file over it is refused with the limit named', async ({ page }) => {
  await createProfile(page, 'Sam Patel')
  await page.getByRole('link', { name: 'Settings' }).click()
  const limit = page.getByLabel('Largest file accepted (MB)')
  await limit.fill('0')
  await page.getByRole('button', { name: 'Save evidence limits' }).click()
  await expect(page.getByText('must be at least 1 MB', { exact: true })).toBeVisible()
  await limit.fill('1')
  await page.getByRole('button', { name: 'Save evidence limits' }).click()
  await expect(page.getByText('Evidence limits saved.')).toBeVisible()

  await loadDemoCaseload(page, 3)
  await openIncidentsOfFirstCase(page)
  const evidence = page.locator('section.incident-evidence').first()
  // A 1.5 MB WAV: a real header followed by silence.
  const header = (await readFile(fixture('tone.wav'))).subarray(0, 44)
  const body = Buffer.alloc(1.5 * 1024 * 1024)
  await pickWithKeyboard(page, evidence.getByRole('button', { name: /^Choose files for/ }), [{ name: 'long-recording.wav', mimeType: 'audio/wav', buffer: Buffer.concat([header, body]) }])
  await chooseSource(page, evidence, 'Exported from a noise or reporting app')
  await evidence.getByRole('button', { name: 'Add 1 file to this incident' }).click()
  await expect(evidence.getByRole('alert').filter({ hasText: 'was not added' })).toContainText('"long-recording.wav" was not added: it is 1.5 MB, over the 1 MB limit for one evidence file')
  await expect(evidence.getByRole('heading', { name: 'Evidence (0 files)' })).toBeVisible()
})

test('files dropped on an incident are added; an email shows its headers and a PDF is saved back byte for byte', async ({ page }) => {
  await createProfile(page, 'Ali Khan')
  await loadDemoCaseload(page, 3)
  await openIncidentsOfFirstCase(page)
  const evidence = page.locator('section.incident-evidence').first()
  const dropZone = evidence.getByTestId('evidence-drop-zone')
  await expect(dropZone).toBeVisible()

  // Drag and drop, as from a file manager: a DataTransfer holding two files.
  const files = await Promise.all(['police-letter.pdf', 'complaint.eml', 'doorbell.webm'].map(async (name) => ({ name, bytes: [...(await readFile(fixture(name)))] })))
  const dataTransfer = await page.evaluateHandle((list) => {
    const transfer = new DataTransfer()
    for (const f of list) transfer.items.add(new File([new Uint8Array(f.bytes)], f.name))
    return transfer
  }, files)
  await dropZone.dispatchEvent('dragenter', { dataTransfer })
  await dropZone.dispatchEvent('drop', { dataTransfer })
  await expect(evidence.getByText('police-letter.pdf (643 bytes)')).toBeVisible()
  await expect(evidence.getByText('complaint.eml (357 bytes)')).toBeVisible()

  await chooseSource(page, evidence, 'The police')
  await evidence.getByRole('button', { name: 'Add 3 files to this incident' }).click()
  await expect(evidence.getByRole('status').filter({ hasText: 'Added police-letter.pdf, complaint.eml, doorbell.webm.' })).toBeVisible()

  // The video player loads the stored clip (a real VP8 recording, 48×32).
  const video = evidence.locator('video[aria-label="Play video doorbell.webm"]')
  await expect(video).toBeVisible()
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => `${v.videoWidth}×${v.videoHeight}`)).toBe('48×32')

  const emailItem = evidence.getByRole('listitem', { name: 'complaint.eml' })
  await expect(emailItem).toContainText('Email (.eml)')
  await expect(emailItem).toContainText('Maya Okonjo <maya.okonjo@example.org>')
  await expect(emailItem).toContainText('Noise from Flat 7 again last night')
  await expect(emailItem).toContainText('Sent19 September 2026 at')

  // "Save a copy" gives back exactly the bytes that were added (same SHA-256 as the original).
  const pdfItem = evidence.getByRole('listitem', { name: 'police-letter.pdf' })
  await expect(pdfItem).toContainText('PDF document, 643 bytes')
  const downloadStarted = page.waitForEvent('download')
  await pdfItem.getByRole('button', { name: 'Save a copy of police-letter.pdf' }).click()
  const download = await downloadStarted
  expect(download.suggestedFilename()).toBe('police-letter.pdf')
  const saved = await readFile(await download.path())
  const original = await readFile(fixture('police-letter.pdf'))
  expect(createHash('sha256').update(saved).digest('hex')).toBe(createHash('sha256').update(original).digest('hex'))
  await expect(pdfItem).toContainText(createHash('sha256').update(original).digest('hex'))
  await expectNoAxeViolations(page, 'email and PDF evidence')
})
