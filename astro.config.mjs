// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { contentGate } from './src/integrations/content-gate.ts';
import { journalPdfs } from './src/integrations/journal-pdfs.ts';
import { searchIndex } from './src/integrations/search-index.ts';

export default defineConfig({
  site: 'http://localhost:4321',
  // Intranets often host the handbook under a sub-path: BASE_PATH=/so-tay/ npm run build.
  base: process.env.BASE_PATH ?? '/',
  trailingSlash: 'always',
  // Tests and benchmarks build into other folders (OUT_DIR) so that dist/ is left alone.
  outDir: process.env.OUT_DIR ?? './dist',
  build: {
    format: 'directory',
    // One cached stylesheet instead of CSS repeated in every page.
    inlineStylesheets: 'never',
  },
  integrations: [contentGate(), journalPdfs(), mdx(), searchIndex()],
  devToolbar: { enabled: false },
});
