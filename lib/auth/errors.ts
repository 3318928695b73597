/**
 * The error code next-auth passes to the login page (`?error=TooManyAttempts`, or
 * `result.error` of signIn with redirect: false) when sign-in is throttled.
 */
export const TOO_MANY_ATTEMPTS = 'TooManyAttempts';
export const TOO_MANY_ATTEMPTS_MESSAGE = 'Too many attempts, try again later';

export class TooManyAttemptsError extends Error {
  constructor() {
    // next-auth forwards an error thrown by authorize() to the client by its message.
    super(TOO_MANY_ATTEMPTS);
    this.name = 'TooManyAttemptsError';
  }
}
