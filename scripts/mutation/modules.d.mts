export type MutationModule = { name: string; target: number; mutate: string[]; postgres?: string[]; tests: string[] };
export const MUTATION_MODULES: MutationModule[];
export const INCREMENTAL_FILE: string;
export function selectedModule(): MutationModule;
export function reportDir(name: string, mutate?: string): string;
