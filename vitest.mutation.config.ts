import { defineConfig } from 'vitest/config';
import base from './vitest.config';
import { selectedModule } from './scripts/mutation/modules.mjs';

// Only the suites that exercise the module under mutation (stryker.config.mjs), on PGlite:
// Stryker runs them once per mutant, so no server is needed and no other suite slows it.
const mutationModule = selectedModule();

export default defineConfig({ ...base, test: { ...base.test, include: mutationModule.tests } });
