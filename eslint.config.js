import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // Configuration is parsed once, in bot/config.ts; everything else receives a Config.
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read settings through bot/config.ts (loadConfig), not process.env.' },
      ],
      'no-console': 'error',
    },
  },
  {
    files: ['bot/config.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['web/**/*.js'],
    languageOptions: { globals: globals.browser },
  },
);
