// Lossless edits of OKR files: text replacements computed from the parser's source
// spans, never a re-serialized document, so comments, quoting, key order,
// indentation, line breaks and a byte-order mark stay as the user wrote them.
// One concern per module; this file only gathers them for `import ... from '../edits'`.

export * from './fields';
export * from './lists';
export * from './scalars';
export * from './check-in';
