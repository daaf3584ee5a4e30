/** A failure that maps to a REST error answer: HTTP status plus the vendor `error_code`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: number,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export const badRequest = (message: string, errorCode = 400) => new ApiError(400, errorCode, message);
export const notFound = (message: string, errorCode = 404) => new ApiError(404, errorCode, message);
export const conflict = (message: string) => new ApiError(409, 40900, message);
