// @ts-check
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', '**/.astro/', 'node_modules/', 'data/', 'public/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The course's definitions are shared by the site, the server and the CLI: they import only
    // grading and the simulator below them, and nothing bound to one host.
    files: ['src/course/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/components/**', '**/layouts/**', '**/pages/**', '**/server/**', '**/cli/**'],
              message: 'src/course is imported by the site, the server and the CLI, never the other way.',
            },
            {
              regex: '^(astro(:.*|/.*)?|@astrojs/.*|node:.*)$',
              message: 'src/course is plain TypeScript: no Astro, no Node built-ins.',
            },
          ],
        },
      ],
    },
  },
);
