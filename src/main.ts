import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { router } from './router'
import { vuetify } from './plugins/vuetify'
import { useCalendarStore } from './stores/calendar'
import { useStartupStore } from './stores/startup'

const pinia = createPinia()
const app = createApp(App).use(pinia).use(vuetify)

// The backup before a schema upgrade runs before the router is installed and the app mounted:
// the router's first navigation restores the session and mounted components read settings, and
// the first read opens the database, which runs the upgrade. It never rejects (a failed backup
// becomes a notice, not a blank screen) and, with no upgrade pending, costs one indexedDB.databases() call.
// Then an imported bank-holiday file (Settings › Bank holidays) is applied to the shared working-day
// calendar before any screen works out a deadline; if it cannot be read the shipped data stands.
void useStartupStore(pinia)
  .backupBeforeUpgrade()
  .then(() => useCalendarStore(pinia).ensureApplied())
  .catch(() => undefined)
  .finally(() => app.use(router).mount('#app'))

// Benchmark hooks (`npm run bench`) only when asked for with ?bench; never loaded in normal use.
if (new URLSearchParams(window.location.search).has('bench')) void import('./bench/benchHook')
