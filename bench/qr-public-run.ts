/**
 * `npm run bench:qr`: the QR rows of the bench that need no browser — the public corpus side by side
 * (decodeQr, plain jsQR, zxing-wasm) and decodeQr's 10-megapixel and no-code budgets — as the bench's
 * markdown rows. `npm run bench` measures the same rows among the others.
 */
import { PUBLIC_QR_BUDGET, publicQrRows } from './qr-public';
import { markdownTable } from './table';

const { rows, note } = await publicQrRows(PUBLIC_QR_BUDGET, (line) => console.error(line));
console.log(markdownTable(rows));
console.log(`\n${note}`);
