import '@mdi/font/css/materialdesignicons.css'
import 'vuetify/styles'
import { createVuetify } from 'vuetify'
import { en } from 'vuetify/locale'

export const vuetify = createVuetify({
  locale: { locale: 'en', messages: { en } },
  theme: {
    defaultTheme: 'workstation',
    themes: {
      // Colours chosen for WCAG 2.1 AA contrast against white text and backgrounds.
      workstation: {
        dark: false,
        colors: {
          primary: '#0b4f6c',
          secondary: '#4a4a68',
          error: '#b00020',
          warning: '#8a4b00',
          success: '#1b5e20',
          info: '#01579b',
          background: '#f7f7f9',
          surface: '#ffffff',
        },
        // Vuetify's default medium emphasis (labels, hints) fails AA contrast; raise it.
        variables: { 'medium-emphasis-opacity': 0.78, 'disabled-opacity': 0.6, 'high-emphasis-opacity': 0.92 },
      },
    },
  },
  defaults: {
    VTextField: { variant: 'outlined', density: 'comfortable' },
    VSelect: { variant: 'outlined', density: 'comfortable' },
    VAutocomplete: { variant: 'outlined', density: 'comfortable' },
    VTextarea: { variant: 'outlined', density: 'comfortable' },
    VCombobox: { variant: 'outlined', density: 'comfortable' },
  },
})
