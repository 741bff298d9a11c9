// The checkout service's retry policy.
const RETRIES = 1;
const TIMEOUT_MS = 8000;

module.exports = { RETRIES, TIMEOUT_MS };
