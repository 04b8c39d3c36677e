// Run by the automatic-fill registration only, before content-scripts/fill.js (entrypoints/fill.content/auto-fill.ts).
globalThis.__sekimoriAutoFill = true;
