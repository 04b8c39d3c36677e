/** The three kinds of one-time password Sekimori computes. */
export type OtpType = 'totp' | 'hotp' | 'steam';

/** HMAC hash used by TOTP/HOTP. Steam always uses SHA1. */
export type OtpAlgorithm = 'SHA1' | 'SHA256' | 'SHA512';

/** One authenticator key and the parameters needed to compute its codes. */
export interface Account {
  type: OtpType;
  issuer: string;
  account: string;
  /** Base32 (RFC 4648), upper case, no padding, no spaces. */
  secret: string;
  algorithm: OtpAlgorithm;
  /** 6–8 for TOTP/HOTP; 5 for Steam. */
  digits: number;
  /** Seconds per time step (TOTP/Steam); kept at 30 for HOTP. */
  period: number;
  /** HOTP moving factor; 0 for TOTP/Steam. */
  counter: number;
}
