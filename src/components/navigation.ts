import type { Role } from '@/domain/users'

export interface NavItem {
  title: string
  to: string
  icon: string
  roles?: Role[]
}

/** The shell's navigation. Items with `roles` show only to those roles. */
export const navigation: NavItem[] = [
  { title: 'My caseload', to: '/caseload', icon: 'mdi-briefcase-outline' },
  { title: 'New report', to: '/new-report', icon: 'mdi-file-document-plus-outline', roles: ['officer', 'manager', 'administrator'] },
  { title: 'Documents', to: '/documents', icon: 'mdi-file-word-outline' },
  { title: 'Reports', to: '/reports', icon: 'mdi-chart-box-outline' },
  { title: 'Received bundles', to: '/received-bundles', icon: 'mdi-briefcase-check-outline', roles: ['legal'] },
  { title: 'Settings', to: '/settings', icon: 'mdi-cog-outline' },
]

export function navigationFor(role: Role | undefined): NavItem[] {
  return navigation.filter((item) => !item.roles || (role !== undefined && item.roles.includes(role)))
}
