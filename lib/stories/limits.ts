/**
 * How long a story's title and standfirst may be, in UTF-16 code units: what a text
 * field's maxLength counts and what String.length (and so zod's max) counts, so the
 * field, its counter and the server agree on every character, emoji included (two units).
 */
export const TITLE_MAX = 200;
export const STANDFIRST_MAX = 600;
