/**
 * Typed errors of the analytics layer. Route handlers map them to HTTP statuses:
 * InvalidParameterError (and its InvalidRangeError) → 400 naming `param`, NotFoundError → 404.
 */

/** A caller-supplied value is malformed or out of bounds; `param` names it. */
export class InvalidParameterError extends RangeError {
  readonly param: string;

  constructor(param: string, message: string) {
    super(`${param}: ${message}`);
    this.name = 'InvalidParameterError';
    this.param = param;
  }
}

export type RangeParam = 'from' | 'to' | 'month' | 'quarter' | 'timeZone' | 'period';

/** A time range cannot be resolved: bad dates, `to` before `from`, unknown zone, unknown preset. */
export class InvalidRangeError extends InvalidParameterError {
  declare readonly param: RangeParam;

  constructor(param: RangeParam, message: string) {
    super(param, message);
    this.name = 'InvalidRangeError';
  }
}

/**
 * The resource does not exist *or* lies outside the caller's scope: the two are
 * deliberately indistinguishable so that another workspace's ids leak nothing.
 */
export class NotFoundError extends Error {
  readonly resource: string;

  constructor(resource: string) {
    super(`${resource} not found`);
    this.name = 'NotFoundError';
    this.resource = resource;
  }
}
