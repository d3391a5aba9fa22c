import { GraphQLError } from 'graphql';

/** Stable error codes every service answers with (GraphQL `extensions.code`). */
export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  CONFLICT: 'CONFLICT',
  UNAVAILABLE: 'UNAVAILABLE',
  INTERNAL: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/**
 * An error meant for the person who made the request: its message is shown as is, its code is stable.
 * @example throw new AppError('NOT_FOUND', `No teacher with id "${id}"`)
 */
export class AppError extends GraphQLError {
  constructor(code: ErrorCode | string, message: string, details?: Record<string, unknown>) {
    // the code comes last, so a `code` key among the details cannot replace it
    super(message, { extensions: { ...details, code } });
    this.name = 'AppError';
  }
}

export const unauthenticated = (message = 'Sign in first: this request carries no valid bearer token') =>
  new AppError(ErrorCode.UNAUTHENTICATED, message);
export const forbidden = (message: string) => new AppError(ErrorCode.FORBIDDEN, message);
export const notFound = (message: string) => new AppError(ErrorCode.NOT_FOUND, message);
export const badInput = (message: string, details?: Record<string, unknown>) =>
  new AppError(ErrorCode.BAD_USER_INPUT, message, details);
export const conflict = (message: string, details?: Record<string, unknown>) => new AppError(ErrorCode.CONFLICT, message, details);

/** Raised at start-up when the environment is wrong; the process prints it and exits. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}
