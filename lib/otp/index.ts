/** Public API of the OTP module: accounts, Key URIs, Base32 and code generation. Pure: no DOM, no browser APIs. */
export type { Account, OtpAlgorithm, OtpType } from './account';
export { parseAlgorithm } from './algorithm';
export { decodeBase32, encodeBase32, normalizeSecret } from './base32';
export { isOtpError, OtpError, type OtpErrorCode } from './errors';
export { formatOtpauthUri } from './format-otpauth-uri';
export { generateCode, generateCodes, type CodePair } from './generate-code';
export { MAX_LABEL_LENGTH, MAX_PERIOD_S, MAX_SECRET_BYTES, MAX_URI_LENGTH } from './limits';
export { parseOtpType } from './otp-type';
export { parseOtpauthUri } from './parse-otpauth-uri';
export { STEAM_ALPHABET } from './steam';
export { nextStepStartMs, secondsRemaining, timeStep } from './time';
export { validateAccount, type AccountDraft } from './validate-account';
