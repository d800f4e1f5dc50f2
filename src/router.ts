import { createRouter, createWebHashHistory } from 'vue-router'
import { useSessionStore } from './stores/session'
import { focusAfterNavigation } from './navigationFocus'

// Hash history: works both from file:// in Electron and from the web preview.
export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', redirect: '/caseload' },
    { path: '/profile', name: 'profile', component: () => import('./views/ProfileView.vue'), meta: { public: true, title: 'Who is using the app?' } },
    { path: '/caseload', name: 'caseload', component: () => import('./views/CaseloadView.vue'), meta: { title: 'My caseload' } },
    { path: '/cases/:id', name: 'case', component: () => import('./views/CaseView.vue'), props: true, meta: { title: 'Case' } },
    { path: '/new-report', name: 'new-report', component: () => import('./views/NewReportView.vue'), meta: { title: 'New report' } },
    { path: '/documents', name: 'documents', component: () => import('./views/DocumentsView.vue'), meta: { title: 'Documents' } },
    { path: '/reports', name: 'reports', component: () => import('./views/ReportsView.vue'), meta: { title: 'Reports' } },
    { path: '/received-bundles', name: 'received-bundles', component: () => import('./views/ReceivedBundlesView.vue'), meta: { title: 'Received bundles' } },
    { path: '/settings', name: 'settings', component: () => import('./views/SettingsView.vue'), meta: { title: 'Settings' } },
    { path: '/:pathMatch(.*)*', redirect: '/caseload' },
  ],
})

router.beforeEach(async (to) => {
  const session = useSessionStore()
  await session.restore()
  if (!to.meta.public && !session.signedIn) return { name: 'profile' }
  return true
})

router.afterEach((to, from, failure) => {
  document.title = to.meta.title ? `${String(to.meta.title)} · ASB Workstation` : 'ASB Workstation'
  if (!failure) focusAfterNavigation(to, from)
})
