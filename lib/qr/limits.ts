/** Larger images are refused: decoding a whole 4K screenshot with jsQR takes about a second. */
export const MAX_PIXELS = 4096 * 4096;
