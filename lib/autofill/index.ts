/**
 * Finding and filling a page's one-time-code field. Pure over the DOM: a document in, elements out, no
 * extension API — the fill content script is the glue. Geometry comes from an injectable `measure`
 * (`getBoundingClientRect` by default) so the logic runs in a DOM without layout too.
 */
export type { Box, CodeFormat, CodeTarget, Confidence, FindOptions, Measure } from './code-target';
export { isAutoFillable, isEmptyTarget } from './code-target';
export { findCodeTarget } from './find-code-target';
export { fillCode, fillCodeOutcome, type FillCodeOutcome, type FillOptions } from './fill-code';
export { formatCode } from './code-format';
export { layoutBox } from './layout-box';
export { sameOriginDocument } from './collect-inputs';
export { framedBySameOrigin } from './frame-ancestry';
