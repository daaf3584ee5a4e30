/** `link_error` is healthy when absent or NO_ERROR (reference trap 14). */
export function isLinkErrorPresent(error: string | null | undefined): error is string {
  return error !== null && error !== undefined && error !== "" && error !== "NO_ERROR";
}
