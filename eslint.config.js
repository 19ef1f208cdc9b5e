// ESLint flat config: JavaScript's and typescript-eslint's recommended rules for the code,
// eslint-plugin-astro's for the components (their frontmatter and <script>s).
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'dist-base/', 'bench-results/', '.astro/', 'node_modules/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    rules: {
      // TypeScript checks names (tsc and astro check run in npm test); ESLint cannot see browser and Node globals apart.
      'no-undef': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // The benchmarks read Astro's log, which is coloured even into a pipe: they strip ESC sequences.
    files: ['scripts/bench/**/*.ts'],
    rules: { 'no-control-regex': 'off' },
  },
  {
    // Tests break saved files on purpose: a parsed file is edited as loose JSON.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
