// The length of an oral abstract's talk unless the chairs choose another (pages and the server share it).
export const DEFAULT_SLOT_MINUTES = 8;
