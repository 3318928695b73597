import { defineConfig } from 'vitest/config';
import base from './vitest.config';
import { selectedModule } from './scripts/mutation/modules.mjs';

// Only the suites that exercise the module under mutation (stryker.config.mjs), on PGlite:
// Stryker runs them once per mutant, so no server is needed and no other suite slows it.
// MUTATION_TESTS (npm run test:mutation -- --tests a,b) narrows them further.
const include = process.env.MUTATION_TESTS?.split(',') ?? selectedModule().tests;

export default defineConfig({ ...base, test: { ...base.test, include } });
