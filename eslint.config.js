// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Which folder may import what (docs/architecture.md): a wrong import is a lint error.
const nodeBuiltins = ['node:*', 'fs', 'path', 'net', 'os', 'child_process', 'crypto', 'http'];
const devices = ['serialport', '@serialport/*', 'node-hid', 'better-sqlite3', 'esc-pos-encoder'];
const restrict = (groups, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: groups, message }] }],
});

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'dist',
      'release',
      '.tsbuild',
      'test-results',
      'playwright-report',
      'bench/results',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
      ],
    },
  },
  {
    files: ['app/**/*.ts'],
    rules: restrict(
      [
        ...nodeBuiltins,
        ...devices,
        'electron',
        'react',
        'react-dom',
        '@main/*',
        '@native/*',
        '../main/*',
        '../native/*',
        '../renderer/*',
      ],
      'app/ is the pure domain: no Node, Electron, DOM, React or device imports.',
    ),
  },
  {
    files: ['native/**/*.ts'],
    rules: restrict(
      ['electron', 'react', 'react-dom', '@main/*', 'better-sqlite3'],
      'native/ is the driver layer: it knows bytes, not screens, services or the ledger.',
    ),
  },
  {
    files: ['backoffice/**/*.ts'],
    rules: restrict(
      [
        'electron',
        'react-dom',
        '@main/*',
        '@native/*',
        '../main/*',
        '../native/*',
        '../renderer/*',
      ],
      'backoffice/ is a server of its own: it shares app/ (the protocol) with the till, never main/ or native/.',
    ),
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/electron/**'],
    rules: restrict(['electron', 'react', 'react-dom'], 'Only main/electron/ may import Electron.'),
  },
  {
    // After the block above, so it repeats that block's group (a rule is replaced, not merged).
    files: ['main/**/*.ts'],
    ignores: [
      'main/electron/**',
      'main/**/*.test.ts',
      'main/testing/**',
      'main/**/*-test-support.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'react', 'react-dom'],
              message: 'Only main/electron/ may import Electron.',
            },
            {
              group: ['@backoffice/*'],
              message:
                'The till never depends on the back office; only its tests start one as a peer.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict(
        [...nodeBuiltins, ...devices, 'electron', '@main/*', '@native/*'],
        'The renderer talks to main only through the API contract in app/api.',
      ),
    },
  },
  {
    // The owner's dashboard runs in a browser: no Node, and never the till's own code.
    files: ['backoffice/dashboard/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict(
        [...nodeBuiltins, ...devices, 'electron', '@main/*', '@native/*', '**/renderer/**'],
        'The dashboard is a web page: it shares app/ with the till, never main/ or renderer/.',
      ),
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: globals.node,
    },
  },
  {
    // Tools that require a default export, and declarations of untyped packages.
    files: ['*.config.ts', '*.config.js', '**/*.d.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'e2e/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-restricted-imports': 'off',
    },
  },
);
