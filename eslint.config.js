// Lint rules for the whole package: typescript-eslint with type information, React hooks, and the import
// boundaries of docs/architecture.md ("Boundaries"). `npm run lint` runs it; `npm test` runs it as a phase.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** A relative import that reaches into another module's folder other than through its index.ts. */
const OTHER_MODULE_INTERNALS = {
  regex: '^\\.\\./(?!\\.\\.)[^/]+/(?!index\\.ts$)[^/]+',
  message: 'Another module is used only through its index.ts (docs/architecture.md, "Boundaries").',
};

/** Restrictions by folder: each entry lists what files under `files` may not import. */
function boundary(files, patterns, extra = {}) {
  return { files, rules: { 'no-restricted-imports': ['error', { patterns, ...extra }] } };
}

const WEB_NOT_SERVER = {
  group: ['**/server/**'],
  message: 'The web client never imports server code; share through common/.',
};
const SERVER_NOT_WEB = { group: ['**/web/**'], message: 'The server never imports web code; share through common/.' };
const PLATFORM_BELOW_MODULES = {
  group: ['**/modules/**', '**/seed/**', '**/app.ts', '**/composition.ts', '**/composition-lines.ts'],
  message: 'platform/ has no business words: it never imports modules, the seed or the app.',
};
const DB_BELOW_MODULES = { ...PLATFORM_BELOW_MODULES, message: 'The schema and migrations sit below the modules.' };
const MODULES_BELOW_ROOT = {
  group: ['**/seed/**', '**/app.ts', '**/composition.ts', '**/composition-lines.ts', '**/resilience/**', '**/scale/**'],
  message: 'Modules sit below the seed, the composition root and the operational tooling.',
};
const NOT_TESTING = {
  group: ['**/testing/**', '*.test.ts', '*.test.tsx'],
  message: 'Test helpers are for tests only.',
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      '.tools/**',
      'data/**',
      'test-results/**',
      'playwright-report/**',
      'web/dist/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // Functions are often async to satisfy an interface (a job's run, a route handler) without awaiting.
      '@typescript-eslint/require-await': 'off',
      // String() is called on unknown input on purpose (spreadsheet cells, message parameters, thrown values).
      '@typescript-eslint/no-base-to-string': 'off',
    },
  },
  {
    // The schema map names each table's type where it is declared, one import() per line.
    files: ['server/src/db/schema.ts'],
    rules: { '@typescript-eslint/consistent-type-imports': ['error', { disallowTypeAnnotations: false }] },
  },
  {
    // Tests read responses with inject's untyped json() and assert on their shape; the assertions are the check.
    files: [
      '**/*.test.ts',
      '**/*.test.tsx',
      '**/*.fixtures.ts',
      '**/*.scenario.ts',
      'e2e/**',
      'bench/**',
      'server/src/testing/**',
      'web/src/testing.tsx',
      'web/src/testing-setup.ts',
      'web/src/h5/h5-testing.tsx',
    ],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
      // `res.json() as T` reads better in a test than a type argument on the call.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
    },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      // React event props accept handlers returning a promise; the handlers catch their own errors.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },

  // ---- Boundaries: the layer order of docs/architecture.md, no exceptions ----
  boundary(
    ['common/**/*.ts'],
    [
      { group: ['**/server/**', '**/web/**'], message: 'common/ is shared by server and web and imports neither.' },
      { group: ['node:*'], message: 'common/ runs in the browser too: no node: modules.' },
    ],
  ),
  boundary(['web/src/**/*.{ts,tsx}'], [WEB_NOT_SERVER]),
  boundary(
    ['web/src/features/**/*.{ts,tsx}', 'web/src/components/**/*.{ts,tsx}', 'web/src/api/**/*.{ts,tsx}'],
    [
      WEB_NOT_SERVER,
      { group: ['**/pages/**'], message: 'pages compose features; features, components and api never import pages.' },
    ],
  ),
  boundary(
    ['web/src/components/**/*.{ts,tsx}', 'web/src/api/**/*.{ts,tsx}'],
    [
      WEB_NOT_SERVER,
      {
        group: ['**/pages/**', '**/features/**'],
        message: 'components and api are domain-free: no features or pages.',
      },
    ],
  ),
  boundary(['server/src/**/*.ts'], [SERVER_NOT_WEB]),
  boundary(['server/src/platform/**/*.ts'], [SERVER_NOT_WEB, NOT_TESTING, PLATFORM_BELOW_MODULES]),
  boundary(['server/src/db/**/*.ts'], [SERVER_NOT_WEB, NOT_TESTING, DB_BELOW_MODULES]),
  boundary(['server/src/modules/**/*.ts'], [SERVER_NOT_WEB, NOT_TESTING, OTHER_MODULE_INTERNALS, MODULES_BELOW_ROOT]),
  // Tests may also use the testing helpers (for one rule the last matching entry wins).
  boundary(['server/src/platform/**/*.test.ts'], [SERVER_NOT_WEB, PLATFORM_BELOW_MODULES]),
  boundary(['server/src/db/**/*.test.ts'], [SERVER_NOT_WEB, DB_BELOW_MODULES]),
  boundary(['server/src/modules/**/*.test.ts'], [SERVER_NOT_WEB, OTHER_MODULE_INTERNALS, MODULES_BELOW_ROOT]),
);
