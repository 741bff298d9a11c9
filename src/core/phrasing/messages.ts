// Helpers for the phrasing rules' messages and options.

/**
 * A list option as given: rule options are checked against their defaults' `typeof`
 * only, so an array option may arrive as a mapping; keep the strings and ignore the rest.
 */
export function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '') : [];
}
