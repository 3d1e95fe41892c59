// RFC 6238 codes (SHA-1, 6 digits, 30 s) for the emulator's authenticator secret, which is shorter than
// the 128 bits libraries insist on. Used by the browser tests and the benchmark.
import { createHmac } from 'node:crypto';

export const EMULATOR_SECRET = 'asdfasdfasdf';

function base32(secret) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of secret.toUpperCase().replace(/=+$/, '')) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const bytes = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes);
}

export function totp(secret = EMULATOR_SECRET, at = Date.now()) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 30_000)));
  const mac = createHmac('sha1', base32(secret)).update(counter).digest();
  const offset = mac[mac.length - 1] & 0xf;
  return ((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).toString().padStart(6, '0');
}

const used = new Set();

/**
 * A code nobody used yet in this process, current for at least three more seconds: the emulator checks
 * only the current step, and the portal refuses a code it accepted in the last two minutes.
 */
export async function freshCode() {
  for (;;) {
    const into = Date.now() % 30_000;
    const code = totp();
    if (into < 27_000 && !used.has(code)) {
      used.add(code);
      return code;
    }
    await new Promise((r) => setTimeout(r, 30_000 - into + 100));
  }
}
