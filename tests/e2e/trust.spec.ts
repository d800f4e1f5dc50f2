import { expect, test, type Page } from '@playwright/test'
import { readFile } from 'node:fs/promises'
import { createProfile, expectNoAxeViolations, loadDemoCaseload, TEST_PASSPHRASE } from './helpers'

const BACKUP_PASSPHRASE = 'river otter lantern'

// Every test here derives keys with 600,000 PBKDF2 rounds several times (sign-in, unlock, backup
// passphrase) and one waits out an idle lock: slow on purpose, so allow more than the default.
test.describe.configure({ timeout: 180_000 })

async function openSettings(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Settings' }).click()
  // The settings page is a large chunk: allow for its first load on a busy machine.
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible({ timeout: 30_000 })
}

test('the app locks itself after the idle time, hides the caseload, and unlocks only with the passphrase', async ({ page }) => {
  await createProfile(page, 'Ada Admin')
  await loadDemoCaseload(page, 12)
  await page.getByLabel('Lock after this many minutes without use').fill('0.25')
  await page.getByRole('button', { name: 'Save screen lock' }).click()
  await expect(page.getByText('The app now locks after 0.25 minutes without use.')).toBeVisible()

  await page.getByRole('link', { name: 'My caseload' }).click()
  const firstCase = page.getByRole('link', { name: /^ASB-\d{4}-\d{5}$/ }).first()
  await expect(firstCase).toBeVisible()

  // Leave the mouse and keyboard alone for the idle time.
  await expect(page.getByRole('heading', { name: 'ASB Workstation is locked' })).toBeVisible({ timeout: 30_000 })
  await expect(firstCase).toBeHidden()
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden()
  await expect(page.getByText(/ASB-\d{4}-\d{5}/)).toHaveCount(0, { timeout: 1000 }).catch(async () => {
    // Any case reference still in the DOM must not be visible.
    for (const el of await page.getByText(/ASB-\d{4}-\d{5}/).all()) await expect(el).toBeHidden()
  })
  await expectNoAxeViolations(page, 'lock screen')

  // Reloading does not get round the lock.
  await page.reload()
  await expect(page.getByRole('heading', { name: 'ASB Workstation is locked' })).toBeVisible()

  await page.getByLabel('Passphrase for Ada Admin').fill('not my passphrase')
  await page.getByRole('button', { name: 'Unlock' }).click()
  await expect(page.getByText('That passphrase is not right for Ada Admin.')).toBeVisible()
  await expect(page.getByRole('heading', { name: 'ASB Workstation is locked' })).toBeVisible()

  // Keyboard only: type the passphrase and press Enter.
  await page.getByLabel('Passphrase for Ada Admin').fill(TEST_PASSPHRASE)
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: 'ASB Workstation is locked' })).toBeHidden()
  await expect(page.getByRole('link', { name: /^ASB-\d{4}-\d{5}$/ }).first()).toBeVisible()

  // "Lock now" from the keyboard.
  await page.getByRole('button', { name: 'Lock now' }).focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: 'ASB Workstation is locked' })).toBeVisible()
})

test('a tampered backup is refused and the caseload is unchanged; the untouched backup restores', async ({ page }) => {
  await createProfile(page, 'Ada Admin')
  await loadDemoCaseload(page, 15)
  await page.getByLabel('New backup passphrase (8 characters or more)').fill(BACKUP_PASSPHRASE)
  await page.getByLabel('Type the backup passphrase again').fill(BACKUP_PASSPHRASE)
  await page.getByRole('button', { name: 'Set backup passphrase' }).click()
  await expect(page.getByText('A backup passphrase is set.')).toBeVisible({ timeout: 20_000 })

  const downloading = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Back up now' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/^asb-workstation-.*-manual\.asbbackup$/)
  const original = await readFile((await download.path())!)
  await expect(page.getByText(/^Backup saved: asb-workstation-/)).toBeVisible({ timeout: 30_000 })

  // Add cases after the backup, so a restore would visibly change the caseload.
  await loadDemoCaseload(page, 15)
  await page.getByRole('link', { name: 'My caseload' }).click()
  await expect(page.getByTestId('case-count')).toHaveText('30 cases')

  const tampered = Buffer.from(original)
  tampered[tampered.length - 50] ^= 0xff
  await openSettings(page)
  await page.getByLabel('Backup file', { exact: true }).setInputFiles({ name: 'backup.asbbackup', mimeType: 'application/octet-stream', buffer: tampered })
  await page.getByLabel('Passphrase the backup was made with').fill(BACKUP_PASSPHRASE)
  await page.getByLabel('I understand restoring replaces all the data on this computer').check()
  await page.getByRole('button', { name: 'Check and restore' }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'Not restored: The backup has been changed or damaged since it was made' })).toBeVisible({ timeout: 20_000 })
  await expect(page.getByText('Your current data has not been changed.')).toBeVisible()

  // A wrong passphrase is named as such.
  await page.getByLabel('Backup file', { exact: true }).setInputFiles({ name: 'backup.asbbackup', mimeType: 'application/octet-stream', buffer: original })
  await page.getByLabel('Passphrase the backup was made with').fill('wrong passphrase')
  await page.getByRole('button', { name: 'Check and restore' }).click()
  await expect(page.getByText('Not restored: The backup passphrase is not right for this file.')).toBeVisible({ timeout: 20_000 })

  await page.getByRole('link', { name: 'My caseload' }).click()
  await expect(page.getByTestId('case-count')).toHaveText('30 cases')

  // The untouched file restores the 15 cases it holds (after a safety backup is offered).
  await openSettings(page)
  await page.getByLabel('Backup file', { exact: true }).setInputFiles({ name: 'backup.asbbackup', mimeType: 'application/octet-stream', buffer: original })
  await page.getByLabel('Passphrase the backup was made with').fill(BACKUP_PASSPHRASE)
  await page.getByLabel('I understand restoring replaces all the data on this computer').check()
  const safety = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Check and restore' }).click()
  expect((await safety).suggestedFilename()).toMatch(/-before-restore\.asbbackup$/)
  await expect(page.getByText(/^Restored the backup made .* \(15 cases\)/)).toBeVisible({ timeout: 20_000 })
  await page.getByRole('link', { name: 'My caseload' }).click()
  await expect(page.getByTestId('case-count')).toHaveText('15 cases')

  await openSettings(page)
  await page.getByRole('button', { name: 'Verify audit trail' }).click()
  await expect(page.getByText(/The audit trail is intact: all [\d,]+ entries check out\./)).toBeVisible({ timeout: 30_000 })
})

test('tenancy import shows each bad row before anything is imported', async ({ page }) => {
  await createProfile(page, 'Ada Admin')
  await openSettings(page)
  const csv = [
    'Tenancy Ref,Forename,Surname,Address Line 1,Town,Post Code,Tenure Type,Start Date,Rent Frequency',
    'T500100,Maya,Okonjo,12 Kingfisher Way,Bristol,BS5 6XY,Assured,01/04/2019,Weekly',
    'T500101,Dean,Harlow,14 Kingfisher Way,Bristol,NOT A POSTCODE,Starter,31/02/2025,Weekly',
  ].join('\n')
  await page.getByLabel('Tenancy CSV file', { exact: true }).setInputFiles({ name: 'tenancies.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
  await expect(page.getByTestId('import-summary')).toHaveText('2 rows in tenancies.csv: 1 new, 0 updates, 1 with problems.')
  const problems = page.getByRole('table', { name: /Rows with problems/ })
  await expect(problems.getByRole('row', { name: /3 Post Code must be a UK postcode, e\.g\. BS1 4DJ/ })).toBeVisible()
  await expect(problems.getByRole('row', { name: /3 Start Date must be a date like 01\/03\/2026/ })).toBeVisible()
  const preview = page.getByRole('table', { name: /Preview/ })
  await expect(preview.getByRole('row', { name: /T500100 Maya Okonjo .* 1 April 2019 weekly New person/ })).toBeVisible()
  await expectNoAxeViolations(page, 'tenancy import preview')

  await page.getByRole('button', { name: 'Accept and import 1 tenant' }).click()
  await expect(page.getByText('Imported: 1 new person, 0 updated.')).toBeVisible()
})

test('later profiles start as officers; only the administrator gives roles', async ({ page }) => {
  await createProfile(page, 'Ada Admin')
  await page.getByRole('button', { name: 'Switch user' }).click()
  await expect(page.getByLabel('Your role')).toHaveCount(0)
  await expect(page.getByText('New profiles start as case officers.')).toBeVisible()
  await createProfile(page, 'Mo Manager', 'Manager')
  await expect(page.getByTestId('current-user')).toContainText('Manager')
  await openSettings(page)
  await expect(page.getByText('Ask your administrator if your role needs to change.')).toBeVisible()
  await expect(page.getByLabel('Role for Ada Admin')).toHaveCount(0)
  await expectNoAxeViolations(page, 'settings as a manager')
})

test('the served page forbids inline script: an injected inline script does not run', async ({ page }) => {
  await page.goto('./')
  const html = await (await page.request.get('./index.html')).text()
  const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? ''
  expect(csp).toContain("script-src 'self'")
  expect(/script-src[^;]*'unsafe-(inline|eval)'/.test(csp)).toBe(false)
  expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/)
  const ran = await page.evaluate(() => {
    const script = document.createElement('script')
    script.textContent = 'window.__inlineRan = true'
    document.head.appendChild(script)
    return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true
  })
  expect(ran).toBe(false)
})
