export const EMULATOR_SECRET: string;
export function totp(secret?: string, at?: number): string;
export function freshCode(): Promise<string>;
