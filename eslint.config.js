import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import vue from 'eslint-plugin-vue'
import globals from 'globals'

export default tseslint.config(
  { ignores: ['node_modules', 'out', 'dist', 'dist-web*', 'test-results', 'playwright-report', '.render-check', 'bench/results*'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } },
  },
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/valid-v-slot': ['error', { allowModifiers: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The domain layer is pure policy: no Vue, no Dexie, no DOM, no Electron.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['vue', 'pinia', 'dexie', 'electron', '@/data/*', '@/stores/*', '@/views/*', '@/components/*', '@/platform/*', '@/documents/*'] }],
    },
  },
  {
    files: ['src/data/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['vue', 'pinia', '@/stores/*', '@/views/*', '@/components/*'] }] },
  },
  {
    files: ['src/documents/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['vue', 'pinia', '@/stores/*', '@/views/*', '@/components/*'] }] },
  },
  {
    files: ['src/views/**/*.vue', 'src/components/**/*.vue'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['dexie', '@/data/*'] }] },
  },
)
