export type MutationModule = { name: string; target: number; mutate: string[]; tests: string[] };
export const MUTATION_MODULES: MutationModule[];
export function selectedModule(): MutationModule;
export function reportDir(name: string, mutate?: string): string;
