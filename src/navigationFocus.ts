import { nextTick } from 'vue'
import { START_LOCATION, type RouteLocationNormalized } from 'vue-router'

/**
 * After a route change inside the app, focus goes to the new page's main heading (or, failing
 * that, the main region) so keyboard and screen-reader users start at the top of what changed
 * instead of on a link that no longer exists (WCAG 2.4.3 focus order). The first page of a load
 * is left alone: the browser already starts at the top, with "Skip to main content" first.
 * A change of query only (e.g. ?created=1) is the same page and keeps focus where it is.
 */
const MAIN_ID = 'main-content'
/** Pages whose heading waits for their data (the case page) get this long before the main region is focused instead. */
const HEADING_WAIT_MS = 2000

let navigation = 0

export function focusAfterNavigation(to: RouteLocationNormalized, from: RouteLocationNormalized): void {
  if (from === START_LOCATION || to.path === from.path) return
  const mine = ++navigation
  // What had focus when the navigation started (usually the link that was followed): only focus
  // still there, or lost to the page body, is moved. Anything else is the user or the page acting.
  const focusedAtStart = document.activeElement
  void nextTick(() => focusMainHeading(mine, focusedAtStart))
}

async function focusMainHeading(mine: number, focusedAtStart: Element | null): Promise<void> {
  const started = performance.now()
  for (;;) {
    // A newer navigation has taken over, or the page focused something itself (autofocus) or the
    // user moved on — also into an overlay outside the main region, such as an open select menu.
    if (mine !== navigation) return
    const main = document.getElementById(MAIN_ID)
    if (!main) return
    const active = document.activeElement
    const untouched = !active || active === document.body || active === main || active === focusedAtStart
    if (!untouched) return
    const heading = main.querySelector<HTMLElement>('h1')
    if (heading) {
      // tabindex -1: focusable from script, but not an extra Tab stop.
      if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1')
      heading.focus()
      return
    }
    if (performance.now() - started > HEADING_WAIT_MS) {
      main.focus()
      return
    }
    await new Promise((resolve) => requestAnimationFrame(resolve))
  }
}
