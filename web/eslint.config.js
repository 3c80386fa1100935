// ESLint (flat config) for Parley's browser code. The Maven build runs `npm run lint` and fails on
// any error or warning. The sources are ES modules; the translation tables in src/main/webapp/widget/i18n
// are classic scripts that call the widget's global Parley.addMessages.
import js from '@eslint/js';
import globals from 'globals';

export default [
  { ignores: ['target/**', 'node_modules/**'] },
  js.configs.recommended,
  {
    files: ['src/main/js/**/*.js'],
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: globals.browser },
    rules: {
      'no-var': 'error',
      'prefer-const': 'error',
      'eqeqeq': ['error', 'always', { null: 'ignore' }],
      'no-implicit-globals': 'error',
      'no-restricted-properties': ['error',
        { property: 'innerHTML', message: 'Markup enters the DOM only through setSanitizedHtml (shared/dom.js).' },
        { property: 'outerHTML', message: 'Markup enters the DOM only through setSanitizedHtml (shared/dom.js).' },
        { property: 'insertAdjacentHTML', message: 'Markup enters the DOM only through setSanitizedHtml (shared/dom.js).' }],
      'max-lines': ['error', { max: 400 }],
    },
  },
  {
    // The one place markup enters the DOM.
    files: ['src/main/js/shared/dom.js'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['src/main/webapp/**/*.js'],
    languageOptions: { ecmaVersion: 2022, sourceType: 'script', globals: { ...globals.browser, Parley: 'readonly' } },
  },
  {
    files: ['eslint.config.js', 'build.mjs'],
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: globals.node },
  },
];
