import { expect, test } from '@playwright/test'
import { createProfile, expectNoAxeViolations, loadDemoCaseload, signInAs } from './helpers'

test('first run: the profile screen is accessible and creating a profile opens the shell', async ({ page }) => {
  await page.goto('./')
  await expect(page.getByRole('heading', { name: 'Who is using the app?' })).toBeVisible()
  await expectNoAxeViolations(page, 'profile screen')

  await page.getByRole('button', { name: 'Create profile' }).click()
  await expect(page.getByText('Name must be at least 2 characters')).toBeVisible()
  await expect(page.getByText('Passphrase must be at least 8 characters')).toBeVisible()

  await createProfile(page, 'Jo Smith')
  await expect(page.getByTestId('current-user')).toContainText('Case officer')
  for (const item of ['My caseload', 'New report', 'Documents', 'Reports', 'Settings']) {
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: item })).toBeVisible()
  }
  await expectNoAxeViolations(page, 'shell')
})

test('a demo caseload survives a reload', async ({ page }) => {
  await createProfile(page, 'Sam Okafor')
  await loadDemoCaseload(page, 40)
  await page.getByRole('link', { name: 'My caseload' }).click()
  await expect(page.getByTestId('case-count')).toHaveText('40 cases')
  await page.reload()
  await expect(page.getByTestId('current-user')).toContainText('Sam Okafor')
  await expect(page.getByTestId('case-count')).toHaveText('40 cases')
  await expect(page.getByRole('link', { name: /^ASB-\d{4}-\d{5}$/ }).first()).toBeVisible()
})

test('the shell can be used with the keyboard alone', async ({ page }) => {
  await createProfile(page, 'Kit Keyboard')
  // Start from a freshly loaded page: after "Create profile" the browser's Tab starting point is
  // where that (now removed) button was, inside the caseload, not the top of the page.
  await page.reload()
  await expect(page.getByTestId('current-user')).toContainText('Kit Keyboard')
  await page.keyboard.press('Tab')
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused()
  // Walk forward with Tab until the Settings link has focus, then open it with Enter.
  for (let i = 0; i < 15; i++) {
    await page.keyboard.press('Tab')
    if (await page.getByRole('link', { name: 'Settings' }).evaluate((el) => el === document.activeElement)) break
  }
  await expect(page.getByRole('link', { name: 'Settings' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible()
  await expect(page).toHaveURL(/#\/settings/)
  // Focus moved to the new page's heading, so the next Tab goes into the page, not back along the menu.
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeFocused()
  await page.keyboard.press('Tab')
  expect(await page.evaluate(() => document.getElementById('main-content')?.contains(document.activeElement))).toBe(true)
  await expectNoAxeViolations(page, 'settings')
})

test('bad organisation details are refused with a message on the field', async ({ page }) => {
  await createProfile(page, 'Ola Admin')
  await page.getByRole('link', { name: 'Settings' }).click()
  await page.getByLabel('Email', { exact: true }).fill('not an email')
  await page.getByRole('button', { name: 'Save organisation' }).click()
  await expect(page.getByText('must be an email address').first()).toBeVisible()
  await page.reload()
  await expect(page.getByLabel('Email', { exact: true })).toHaveValue('asb@riversidevale.example')
})

test('signing in to an existing profile needs its passphrase', async ({ page }) => {
  await createProfile(page, 'Pat Passphrase')
  await page.getByRole('button', { name: 'Switch user' }).click()
  await page.getByRole('button', { name: /^Pat Passphrase/ }).click()
  await page.getByLabel('Passphrase for Pat Passphrase').fill('wrong passphrase')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByText('That passphrase is not right for Pat Passphrase.')).toBeVisible()
  await expect(page).toHaveURL(/#\/profile/)
  await signInAs(page, 'Pat Passphrase')

  // Guessing is slowed like the lock screen: after three wrong passphrases Sign in waits, and a
  // reload (or another window) does not reset the wait.
  await page.getByRole('button', { name: 'Switch user' }).click()
  await page.getByRole('button', { name: /^Pat Passphrase/ }).click()
  for (const guess of ['guess one', 'guess two', 'guess three']) {
    await page.getByLabel('Passphrase for Pat Passphrase').fill(guess)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect(page.getByText('That passphrase is not right for Pat Passphrase.')).toBeVisible()
  }
  await expect(page.getByText(/Wait \d+ seconds before trying again/)).toBeVisible()
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeDisabled()
  await page.reload()
  await page.getByRole('button', { name: /^Pat Passphrase/ }).click()
  await expect(page.getByRole('status').filter({ hasText: /You can try again in \d+ seconds/ })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeDisabled()
})
