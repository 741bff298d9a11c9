// ESLint for the whole tree: typescript-eslint's strict, type-checked configs. Runs in
// `npm run lint` (part of `npm run test:unit` and CI) with zero warnings allowed.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'out/', '.cache/', 'node_modules/', 'demo-workspace/', 'test-results/', 'test/workspaces/', 'test/fixtures/'] },
  js.configs.recommended,
  // Finding and escaping control characters in user text is what this code is for.
  { rules: { 'no-control-regex': 'off' } },
  {
    files: ['**/*.ts'],
    extends: [...tseslint.configs.strictTypeChecked, ...tseslint.configs.stylisticTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // Numbers and booleans read naturally in messages; objects and undefined still must not slip in.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      // `void promise` marks a deliberate fire-and-forget, as VS Code's own samples do.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true, ignoreVoidOperator: true }],
      // Without `noUncheckedIndexedAccess` every guard on an array element, and every check of a value
      // that came from YAML or JSON typed as what it should be, reads as "unnecessary": the guards stay.
      '@typescript-eslint/no-unnecessary-condition': 'off',
      // A `!` after a check the compiler cannot follow (a map filled just above, a field whose value was
      // just read) says more than a second check that cannot fail. Tests still see every one.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // `||` on text, flags and counts deliberately treats "", false and 0 as "not given".
      '@typescript-eslint/prefer-nullish-coalescing': ['error', { ignorePrimitives: { string: true, boolean: true, number: true } }],
      // vscode.Disposable is a class in the typings, but the API takes any object with dispose()
      // (an EventEmitter, a StatusBarItem): the rule would ask for wrappers that do nothing.
      '@typescript-eslint/no-unsafe-class-instance-assignment': 'off',
      // `_file`: a parameter kept for the signature's sake.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // Tests read JSON outputs and reach into results they have just checked: an assertion, not the
    // type system, is what guards them.
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      // `||` on text, flags and counts deliberately treats "", false and 0 as "not given".
      '@typescript-eslint/prefer-nullish-coalescing': ['error', { ignorePrimitives: { string: true, boolean: true, number: true } }],
      // vscode.Disposable is a class in the typings, but the API takes any object with dispose()
      // (an EventEmitter, a StatusBarItem): the rule would ask for wrappers that do nothing.
      '@typescript-eslint/no-unsafe-class-instance-assignment': 'off',
      // `_file`: a parameter kept for the signature's sake.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      // Callbacks handed to async helpers are async for uniformity, awaiting or not.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    // `({ top, ...rest }) => rest` drops `top` on purpose.
    rules: { 'no-unused-vars': ['error', { ignoreRestSiblings: true }] },
  },
  { files: ['**/*.mjs'], languageOptions: { sourceType: 'module' } },
  {
    files: ['test/ui/**/*.js'],
    languageOptions: { globals: { ...globals.node, ...globals.mocha, ...globals.browser } },
  },
);
