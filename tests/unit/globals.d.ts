// Unit tests that load stores compile them under tsconfig.node.json, which does not include
// src/env.d.ts; vitest.config.ts defines this constant for them as the web build does.
declare const __APP_VERSION__: string
