import { en } from './en';

export type Messages = typeof en;

/** The catalogue in use. One locale today; a second is a folder beside `en/` of type `Messages`. */
export const messages: Messages = en;
export const m = messages;
