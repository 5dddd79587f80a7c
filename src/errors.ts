// Every error Footprint can report, with its code, HTTP status and a plain message
// that says what to do. Web pages, API problem documents and the CLI all read from here.

export const errorCatalogue = {
  bad_request: {
    status: 400,
    title: 'The request could not be read',
    message: 'Check the request is well formed and try again.',
  },
  validation_failed: {
    status: 400,
    title: 'Some answers need correcting',
    message: 'Correct the fields listed and send the request again.',
  },
  csrf_token_invalid: {
    status: 403,
    title: 'This form has expired',
    message: 'Go back, reload the page and send the form again.',
  },
  sign_in_required: {
    status: 401,
    title: 'Sign in to continue',
    message: 'Sign in to Footprint, then try again.',
  },
  forbidden: {
    status: 403,
    title: 'You cannot use this page',
    message:
      'Your roles at the school do not include this. If you need it, ask your Headteacher or school administrator.',
  },
  not_found: {
    status: 404,
    title: 'Page not found',
    message: 'If you typed the web address, check it is correct. If you pasted it, check you copied all of it.',
  },
  method_not_allowed: {
    status: 405,
    title: 'This action is not allowed here',
    message: 'Use the links and buttons on the page rather than typing the address.',
  },
  payload_too_large: {
    status: 413,
    title: 'What was sent is too large',
    message: 'Send a smaller request.',
  },
  unsupported_media_type: {
    status: 415,
    title: 'This kind of content is not accepted',
    message: 'Send JSON to the API, or use the form on the page.',
  },
  too_many_requests: {
    status: 429,
    title: 'Too many requests',
    message: 'Wait a minute, then try again.',
  },
  already_set_up: {
    status: 409,
    title: 'Footprint is already set up',
    message: 'A school already exists here, so the set-up cannot run again. Sign in to add another school.',
  },
  school_exists: {
    status: 409,
    title: 'That school is already here',
    message: 'Another school already uses this web address or URN: check them, or choose another web address.',
  },
  policy_exists: {
    status: 409,
    title: 'This school already has its policy',
    message: 'A policy is adopted only once. To change it, start a new version from the policy page.',
  },
  policy_not_ready: {
    status: 409,
    title: 'This version of the policy cannot do that now',
    message: 'Look at the policy page to see where this version has got to, then try again.',
  },
  internal_error: {
    status: 500,
    title: 'Sorry, there is a problem with Footprint',
    message: 'Try again later. Nothing you entered has been lost unless the page says so.',
  },
  database_unavailable: {
    status: 503,
    title: 'Footprint cannot reach its database',
    message: 'Try again in a few minutes. If this keeps happening, tell whoever looks after Footprint at your school.',
  },
  configuration_invalid: {
    status: 500,
    title: 'Footprint is not configured correctly',
    message: 'Correct the settings named and start Footprint again.',
  },
  data_directory_in_use: {
    status: 500,
    title: 'The data directory is in use',
    message: 'Stop the other Footprint process first, or set DATA_DIR to a different directory.',
  },
  data_directory_not_empty: {
    status: 500,
    title: 'The data directory is not empty',
    message: 'Restore only into an empty directory: choose a new DATA_DIR, or move the old one aside first.',
  },
  backup_failed: {
    status: 500,
    title: 'The backup could not be made',
    message: 'Check the file name and that there is space on the disk, then try again.',
  },
  restore_failed: {
    status: 500,
    title: 'The backup could not be restored',
    message: 'Check the file is a Footprint backup made for this kind of database.',
  },
} as const satisfies Record<string, { status: number; title: string; message: string }>;

export type ErrorCode = keyof typeof errorCatalogue;

/** One invalid field of a request: where it is (a dot path such as "situation.actor.role") and what is wrong. */
export interface FieldProblem {
  field: string;
  detail: string;
}

/** An error a user or operator can cause, with a code from the catalogue. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly title: string;
  readonly fields: readonly FieldProblem[];

  constructor(code: ErrorCode, detail?: string, fields: readonly FieldProblem[] = [], options?: ErrorOptions) {
    const entry = errorCatalogue[code];
    super(detail ?? entry.message, options);
    this.name = 'AppError';
    this.code = code;
    this.status = entry.status;
    this.title = entry.title;
    this.fields = fields;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
