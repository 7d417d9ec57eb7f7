// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

const forbiddenInDomain = ['@nestjs/*', 'nats', 'nats/*', 'bullmq', 'ioredis', 'socket.io', 'socket.io-client', 'express', 'nodemailer', 'fs', 'node:fs', 'http', 'node:http', 'net', 'node:net', 'child_process', 'node:child_process', 'crypto', 'node:crypto', '@app/eventstore', '@app/platform', '@app/privacy'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'apps/*/public/vendor/**', '**/*.js', '**/*.mjs'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // With decorator metadata on, the type-import rule keeps constructor-injected classes as value
    // imports; otherwise it would turn them into `import type` and break Nest's dependency injection.
    languageOptions: { parserOptions: { emitDecoratorMetadata: true, experimentalDecorators: true } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
    },
  },
  {
    // libs/domain is pure: no framework, no I/O, no clock, no randomness. Time and ids come in as arguments.
    files: ['libs/domain/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: forbiddenInDomain, message: 'libs/domain is pure: no framework or I/O imports (see STYLE.md).' }],
      }],
      'no-restricted-globals': ['error',
        { name: 'process', message: 'libs/domain reads no environment: pass values in.' },
        { name: 'setTimeout', message: 'libs/domain has no timers: expiry is decided against `now`.' },
        { name: 'setInterval', message: 'libs/domain has no timers.' },
        { name: 'fetch', message: 'libs/domain does no I/O.' },
      ],
      'no-restricted-syntax': ['error',
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'No clock in libs/domain: take `now` from the context.' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'No clock in libs/domain: take `now` from the context.' },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'No randomness in libs/domain: take ids from the context.' },
        { selector: "CallExpression[callee.object.name='crypto']", message: 'No randomness in libs/domain.' },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.e2e-spec.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
);
