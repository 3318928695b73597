import type { Config } from 'tailwindcss';

// Loaded by app/globals.css through @config (tailwind v4 reads CSS-first config too;
// the fixed layout asks for this file, so theme extensions live here).
const config: Config = {
  content: ['./app/**/*.{ts,tsx}', './components/**/*.{ts,tsx}'],
  theme: {
    extend: {
      colors: {
        brand: { 50: '#eef6ff', 100: '#d9eaff', 500: '#2f6fed', 600: '#1f5ad4', 700: '#1947a8', 900: '#0f2a63' },
      },
      fontFamily: {
        // System fonts only: nothing may be fetched at build or run time.
        sans: ['ui-sans-serif', 'system-ui', '-apple-system', 'Segoe UI', 'Roboto', 'Helvetica Neue', 'Arial', 'sans-serif'],
        mono: ['ui-monospace', 'SFMono-Regular', 'Menlo', 'Consolas', 'monospace'],
      },
    },
  },
};

export default config;
