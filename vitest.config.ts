import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'packages/**/*.test.ts',
            'apps/**/*.test.ts',
            'bench/**/*.test.ts',
            'e2e/support/*.test.ts',
          ],
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
          // Pure tests, but the first FHIR validation loads the R4 definitions: on two busy cores
          // that alone passed the 5 s default once. No unit test asserts time.
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['packages/**/*.int.test.ts', 'apps/**/*.int.test.ts', 'bench/**/*.int.test.ts'],
          // The CLI spawns processes that compile TypeScript on start: on two busy cores they can
          // take minutes, so the CLI file runs on its own afterwards (the `cli` project).
          exclude: ['apps/server/src/cli/**', '**/node_modules/**'],
          globalSetup: ['test/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Two cores: keep the number of databases and argon2 hashes in flight sane.
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'cli',
          include: ['apps/server/src/cli/**/*.int.test.ts'],
          globalSetup: ['test/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.spec.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
