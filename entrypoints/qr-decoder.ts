/**
 * The shared QR decoder (lib/qr/shared-decoder.ts): a classic script injected before the scan content script
 * and loaded by the options page, so jsQR ships once.
 */
import { decodeQr } from '@/lib/qr/decode-qr';
import { decodeQrCodes } from '@/lib/qr/decode-qr-codes';
import { installQrDecoder } from '@/lib/qr/shared-decoder';

export default defineUnlistedScript(() => {
  installQrDecoder({ decodeQr, decodeQrCodes });
});
