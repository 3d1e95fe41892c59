// Sign-in, activation, password reset and the account page.
export const auth = {};
