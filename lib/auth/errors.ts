/** Raised by the data layer; actions turn them into ActionResults, pages into redirects or 403s. */
export class UnauthenticatedError extends Error {
  constructor() {
    super('Please sign in to continue.')
    this.name = 'UnauthenticatedError'
  }
}

export class ForbiddenError extends Error {
  constructor(message = 'You do not have permission to do that.') {
    super(message)
    this.name = 'ForbiddenError'
  }
}

/** Staff work from a session that did not pass two-factor sign-in. */
export class SecondFactorRequiredError extends ForbiddenError {
  constructor() {
    super('Set up two-factor sign-in and sign in with it to do that.')
    this.name = 'SecondFactorRequiredError'
  }
}
