/** The duty journal (Phụ lục I) as a fillable PDF: one module for the CLI, the build and the browser. */
export * from './blank.ts';
export * from './charset.ts';
export * from './layout.ts';
export * from './options.ts';
export * from './pdf.ts';
