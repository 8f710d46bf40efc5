/** How long a session lasts without use: the cookie's max age and the session row's. */
export const SESSION_MAX_AGE_SECONDS = 60 * 60 * 24 * 14;
