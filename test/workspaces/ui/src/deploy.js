// Rolls a release out to the fleet, a canary first.
const TIMEOUT_MINUTES = 40;
const CANARY_SHARE = 0.05;

module.exports = { TIMEOUT_MINUTES, CANARY_SHARE };
