import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { router } from './router'
import { vuetify } from './plugins/vuetify'

createApp(App).use(createPinia()).use(router).use(vuetify).mount('#app')

// Benchmark hooks (`npm run bench`) only when asked for with ?bench; never loaded in normal use.
if (new URLSearchParams(window.location.search).has('bench')) void import('./bench/benchHook')
